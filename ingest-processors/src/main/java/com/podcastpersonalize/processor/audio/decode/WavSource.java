package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * WAV decoder: integer PCM 8/16/24/32-bit and IEEE float 32/64-bit, any channel count within the limits,
 * averaged to mono. Scaling follows libsndfile (what librosa reads through): 16-bit /32768, 24-bit /2^23,
 * 32-bit /2^31, 8-bit unsigned (v-128)/128. Skips seek by byte offset.
 */
final class WavSource extends BlockDecodingSource {

    private static final int BLOCK_FRAMES = 4096;

    private final InputStream in;
    private final WavHeader header;
    private final byte[] bytes;
    private long bytesLeft;

    WavSource(InputStream in, WavHeader header, DecodeLimits limits) throws AudioDecodeException {
        super(formatName(header), header.sampleRate(), header.channels(),
            header.dataBytes() < 0 ? -1 : header.dataBytes() / header.blockAlign(), limits);
        this.in = in;
        this.header = header;
        this.bytes = new byte[BLOCK_FRAMES * header.blockAlign()];
        this.bytesLeft = header.dataBytes() < 0 ? Long.MAX_VALUE : header.dataBytes() / header.blockAlign() * header.blockAlign();
    }

    static WavSource open(AudioInput input, DecodeLimits limits) throws IOException {
        InputStream in = input.open();
        try {
            WavHeader header = WavHeader.read(in, input.size());
            return new WavSource(in, header, limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static String formatName(WavHeader h) {
        return "wav/" + (h.encoding() == WavHeader.IEEE_FLOAT ? "float" : "pcm") + h.bitsPerSample();
    }

    @Override
    protected int decodeBlock() throws IOException {
        int align = header.blockAlign();
        int want = (int) Math.min(bytes.length, bytesLeft);
        int got = in.readNBytes(bytes, 0, want - want % align);
        int frames = got / align;
        if (frames == 0) {
            return -1;
        }
        bytesLeft -= (long) frames * align;
        float[] out = blockBuffer(frames);
        int ch = header.channels();
        int width = header.bitsPerSample() / 8;
        for (int f = 0, p = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < ch; c++, p += width) {
                sum += sample(p);
            }
            out[f] = (float) (sum / ch);
        }
        return frames;
    }

    private double sample(int p) {
        byte[] b = bytes;
        if (header.encoding() == WavHeader.IEEE_FLOAT) {
            if (header.bitsPerSample() == 32) {
                return Float.intBitsToFloat((int) StreamBytes.u32le(b, p));
            }
            return Double.longBitsToDouble(StreamBytes.s64le(b, p));
        }
        return switch (header.bitsPerSample()) {
            case 8 -> ((b[p] & 0xff) - 128) / 128.0;
            case 16 -> (short) StreamBytes.u16le(b, p) / 32768.0;
            case 24 -> ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | b[p + 2] << 16) / 8388608.0;
            default -> (int) StreamBytes.u32le(b, p) / 2147483648.0;
        };
    }

    @Override
    public long skip(long frames) throws AudioDecodeException {
        // a decoded block may still be buffered: serve the skip from it first, then seek past whole frames
        long fromBlock = skipBuffered(frames);
        long rest = Math.min(frames - fromBlock, bytesLeft / header.blockAlign());
        try {
            long skippedBytes = StreamBytes.skipFully(in, rest * header.blockAlign());
            long skippedFrames = skippedBytes / header.blockAlign();
            bytesLeft -= skippedFrames * header.blockAlign();
            advance(skippedFrames);
            return fromBlock + skippedFrames;
        } catch (IOException e) {
            throw new AudioDecodeException("WAV: seek failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void onShortStream(long decoded, long declared) throws AudioDecodeException {
        throw new AudioDecodeException("WAV: file ends after " + decoded + " frames but the header declares " + declared + " (truncated)");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing useful to do: the source is read-only
        }
    }
}
