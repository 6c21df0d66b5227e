package com.podcastpersonalize.processor.audio.decode;

/**
 * One MPEG audio layer III frame header (4 bytes), parsed only far enough to find frame boundaries, the sample
 * rate and the samples per frame. Free-format bitrate is not supported (its frames have no length field).
 */
record Mp3FrameHeader(int sampleRate, int channels, int frameBytes, int samplesPerFrame, boolean mpeg1) {

    private static final int[] BITRATE_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1};
    private static final int[] BITRATE_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1};
    private static final int[] RATE_V1 = {44100, 48000, 32000, -1};

    /** The header at {@code off}, or null when those 4 bytes are not a valid layer III header. */
    static Mp3FrameHeader parse(byte[] b, int off) {
        if (off + 4 > b.length) {
            return null;
        }
        int b1 = b[off + 1] & 0xff;
        int b2 = b[off + 2] & 0xff;
        if ((b[off] & 0xff) != 0xff || (b1 & 0xe0) != 0xe0) {
            return null;
        }
        int version = (b1 >> 3) & 3; // 0 = MPEG 2.5, 1 = reserved, 2 = MPEG 2, 3 = MPEG 1
        int layer = (b1 >> 1) & 3; // 1 = layer III
        int bitrateIndex = b2 >> 4;
        int rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int rate = RATE_V1[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int kbps = (mpeg1 ? BITRATE_V1 : BITRATE_V2)[bitrateIndex];
        int padding = (b2 >> 1) & 1;
        int frameBytes = (mpeg1 ? 144 : 72) * kbps * 1000 / rate + padding;
        int channels = ((b[off + 3] & 0xff) >> 6) == 3 ? 1 : 2;
        return new Mp3FrameHeader(rate, channels, frameBytes, mpeg1 ? 1152 : 576, mpeg1);
    }

    /** Offset of the side information's end, where a Xing/Info tag would start in the first frame. */
    int sideInfoEnd() {
        int side = mpeg1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return 4 + side;
    }
}
