package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * The FLAC metadata section, read by us rather than by jFLAC: jFLAC sizes arrays from untrusted fields of
 * optional blocks (a VORBIS_COMMENT count of 2^31 asks for gigabytes), so only the fixed-size STREAMINFO is
 * kept and every other block is skipped by its length. Leaves the stream at the first audio frame.
 *
 * @param streamInfo the 34-byte STREAMINFO body
 */
record FlacStreamHeader(byte[] streamInfo, int sampleRate, int channels, int bitsPerSample, long totalSamples, long framesOffset) {

    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_LENGTH = 34;
    private static final int MAX_BLOCKS = 1024;

    static FlacStreamHeader read(InputStream in, long fileSize) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || magic[0] != 'f' || magic[1] != 'L' || magic[2] != 'a' || magic[3] != 'C') {
            throw new AudioDecodeException("FLAC: missing 'fLaC' marker");
        }
        long pos = 4;
        byte[] info = null;
        for (int block = 0; block < MAX_BLOCKS; block++) {
            byte[] h = in.readNBytes(4);
            if (h.length < 4) {
                throw new AudioDecodeException("FLAC: file ends inside the metadata blocks");
            }
            pos += 4;
            boolean last = (h[0] & 0x80) != 0;
            int type = h[0] & 0x7f;
            int length = (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
            if (pos + length > fileSize) {
                throw new AudioDecodeException("FLAC: metadata block of " + length + " bytes runs past the end of the file");
            }
            if (block == 0 && (type != STREAMINFO || length != STREAMINFO_LENGTH)) {
                throw new AudioDecodeException("FLAC: first metadata block is not a 34-byte STREAMINFO (type " + type + ", " + length + " bytes)");
            }
            if (block == 0) {
                info = in.readNBytes(STREAMINFO_LENGTH);
                if (info.length < STREAMINFO_LENGTH) {
                    throw new AudioDecodeException("FLAC: file ends inside STREAMINFO");
                }
            } else if (type == 127) {
                throw new AudioDecodeException("FLAC: invalid metadata block type 127");
            } else if (StreamBytes.skipFully(in, length) < length) {
                throw new AudioDecodeException("FLAC: file ends inside a metadata block");
            }
            pos += length;
            if (last) {
                return fromStreamInfo(info, pos);
            }
        }
        throw new AudioDecodeException("FLAC: more than " + MAX_BLOCKS + " metadata blocks");
    }

    private static FlacStreamHeader fromStreamInfo(byte[] b, long framesOffset) throws AudioDecodeException {
        int minBlock = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        int maxBlock = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        // bytes 10..17: sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36)
        int rate = (b[10] & 0xff) << 12 | (b[11] & 0xff) << 4 | (b[12] & 0xff) >> 4;
        int channels = ((b[12] & 0x0e) >> 1) + 1;
        int bits = (((b[12] & 0x01) << 4) | ((b[13] & 0xff) >> 4)) + 1;
        long total = (b[13] & 0x0fL) << 32 | (b[14] & 0xffL) << 24 | (b[15] & 0xffL) << 16 | (b[16] & 0xffL) << 8 | (b[17] & 0xffL);
        if (minBlock < 16 || maxBlock < minBlock) {
            throw new AudioDecodeException("FLAC: STREAMINFO block sizes " + minBlock + ".." + maxBlock + " are not valid");
        }
        if (bits < 4) {
            throw new AudioDecodeException("FLAC: " + bits + " bits per sample is not valid");
        }
        return new FlacStreamHeader(b, rate, channels, bits, total, framesOffset);
    }

    /** A minimal stream header for jFLAC: the marker and STREAMINFO flagged as the last metadata block. */
    byte[] minimalHeader() {
        byte[] out = new byte[4 + 4 + STREAMINFO_LENGTH];
        out[0] = 'f';
        out[1] = 'L';
        out[2] = 'a';
        out[3] = 'C';
        out[4] = (byte) 0x80; // last block, type STREAMINFO
        out[7] = STREAMINFO_LENGTH;
        System.arraycopy(streamInfo, 0, out, 8, STREAMINFO_LENGTH);
        return out;
    }
}
