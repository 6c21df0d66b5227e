package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * The parts of a RIFF/WAVE header the decoder needs, read from the start of a stream that is left positioned
 * at the first byte of the {@code data} chunk. Supports PCM (8-bit unsigned, 16/24/32-bit signed) and IEEE
 * float (32/64-bit), plain or WAVE_FORMAT_EXTENSIBLE.
 *
 * @param encoding   1 = integer PCM, 3 = IEEE float
 * @param dataBytes  length of the data chunk; -1 when the header leaves it open (0 or 0xFFFFFFFF, as
 *                   streaming writers do), then the audio runs to the end of the file
 */
record WavHeader(int encoding, int channels, int sampleRate, int bitsPerSample, int blockAlign, long dataBytes, long dataOffset) {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    // a header never needs more than this before the data chunk; bounds the chunks we read into memory
    private static final int MAX_FMT_CHUNK = 1 << 16;

    static WavHeader read(InputStream in, long fileSize) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12) {
            throw new AudioDecodeException("WAV: file too short for a RIFF header (" + riff.length + " bytes)");
        }
        if (!ascii(riff, 0, "RIFF") || !ascii(riff, 8, "WAVE")) {
            throw new AudioDecodeException("WAV: not a RIFF/WAVE file");
        }
        long pos = 12;
        byte[] fmt = null;
        while (true) {
            byte[] chunk = in.readNBytes(8);
            if (chunk.length < 8) {
                throw new AudioDecodeException(fmt == null ? "WAV: no 'fmt ' chunk before the end of the file" : "WAV: no 'data' chunk before the end of the file");
            }
            pos += 8;
            String id = new String(chunk, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long size = StreamBytes.u32le(chunk, 4);
            if (id.equals("fmt ")) {
                if (size < 16 || size > MAX_FMT_CHUNK) {
                    throw new AudioDecodeException("WAV: 'fmt ' chunk has an impossible size of " + size + " bytes");
                }
                fmt = in.readNBytes((int) size);
                if (fmt.length < size) {
                    throw new AudioDecodeException("WAV: file ends inside the 'fmt ' chunk");
                }
                pos += size;
                if ((size & 1) == 1) {
                    pos += StreamBytes.skipFully(in, 1);
                }
            } else if (id.equals("data")) {
                if (fmt == null) {
                    throw new AudioDecodeException("WAV: 'data' chunk comes before the 'fmt ' chunk");
                }
                return fromFmt(fmt, size, pos, fileSize);
            } else {
                long skip = size + (size & 1);
                if (fileSize >= 0 && pos + skip > fileSize) {
                    throw new AudioDecodeException("WAV: chunk '" + printable(id) + "' declares " + size + " bytes but the file ends after "
                        + (fileSize - pos));
                }
                if (StreamBytes.skipFully(in, skip) < skip) {
                    throw new AudioDecodeException("WAV: file ends inside chunk '" + printable(id) + "'");
                }
                pos += skip;
            }
        }
    }

    private static WavHeader fromFmt(byte[] fmt, long dataSize, long dataOffset, long fileSize) throws AudioDecodeException {
        int encoding = StreamBytes.u16le(fmt, 0);
        int channels = StreamBytes.u16le(fmt, 2);
        long sampleRate = StreamBytes.u32le(fmt, 4);
        int blockAlign = StreamBytes.u16le(fmt, 12);
        int bits = StreamBytes.u16le(fmt, 14);
        if (encoding == EXTENSIBLE) {
            if (fmt.length < 40) {
                throw new AudioDecodeException("WAV: WAVE_FORMAT_EXTENSIBLE header too short (" + fmt.length + " bytes)");
            }
            encoding = StreamBytes.u16le(fmt, 24); // first two bytes of the sub-format GUID are the format code
        }
        if (encoding != PCM && encoding != IEEE_FLOAT) {
            throw new AudioDecodeException("WAV: encoding 0x" + Integer.toHexString(encoding) + " is not supported (only PCM and IEEE float)");
        }
        boolean bitsOk = encoding == PCM ? (bits == 8 || bits == 16 || bits == 24 || bits == 32) : (bits == 32 || bits == 64);
        if (!bitsOk) {
            throw new AudioDecodeException("WAV: " + bits + "-bit " + (encoding == PCM ? "PCM" : "float") + " is not supported");
        }
        if (channels < 1) {
            throw new AudioDecodeException("WAV: header declares " + channels + " channels");
        }
        if (blockAlign != channels * (bits / 8)) {
            throw new AudioDecodeException("WAV: block align " + blockAlign + " does not match " + channels + " channels of " + bits + " bits");
        }
        long dataBytes = dataSize == 0 || dataSize == 0xFFFFFFFFL ? -1 : dataSize;
        if (dataBytes < 0 && fileSize >= 0) {
            // streaming writers leave the length open: the audio runs to the end of the file
            dataBytes = (fileSize - dataOffset) / blockAlign * blockAlign;
        }
        if (dataBytes >= 0 && fileSize >= 0 && dataOffset + dataBytes > fileSize) {
            throw new AudioDecodeException("WAV: header declares " + dataBytes + " bytes of audio data but the file holds only "
                + Math.max(0, fileSize - dataOffset) + " after the header (truncated file or wrong length in header)");
        }
        if (dataBytes == 0) {
            throw new AudioDecodeException("WAV: no audio data after the header");
        }
        return new WavHeader(encoding, channels, (int) Math.min(sampleRate, Integer.MAX_VALUE), bits, blockAlign, dataBytes, dataOffset);
    }

    private static boolean ascii(byte[] b, int off, String s) {
        for (int i = 0; i < 4; i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String id) {
        return id.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
