package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a scan of an MP3 file's frame headers tells without decoding: where the audio frames start, the sample
 * rate and channels, the number of frames, and the encoder delay and padding from a LAME "Info"/"Xing" tag,
 * which lets the decoder drop them as libsndfile/mpg123 (and so librosa) do. The scan reads headers only and
 * skips frame bodies, so it is cheap even for long files.
 *
 * @param firstAudioFrameOffset byte offset of the first frame that holds audio (after ID3v2 and the Info frame)
 * @param audioFrames           frames from there to the end
 * @param trimStart             samples to drop at the start (encoder delay + 529 decoder delay), 0 if unknown
 * @param trimEnd               samples to drop at the end (encoder padding - 529), 0 if unknown
 */
record Mp3StreamInfo(long firstAudioFrameOffset, Mp3FrameHeader first, long audioFrames, int trimStart, int trimEnd) {

    /** The standard MP3 decoder delay (MDCT overlap + polyphase filterbank) gapless players remove. */
    static final int DECODER_DELAY = 529;
    // garbage tolerated before the first frame; a valid file has at most an ID3v2 tag there
    private static final int MAX_LEADING_JUNK = 64 * 1024;

    long totalSamples() {
        long total = audioFrames * first.samplesPerFrame() - trimStart - trimEnd;
        return Math.max(0, total);
    }

    static Mp3StreamInfo scan(AudioInput input) throws IOException {
        long size = input.size();
        try (InputStream in = input.open()) {
            long pos = skipId3v2(in);
            byte[] head = new byte[4];
            Mp3FrameHeader first = null;
            long firstOffset = -1;
            byte[] firstFrame = null;
            // find two consecutive valid headers: one alone matches random bytes too often
            byte[] window = in.readNBytes(MAX_LEADING_JUNK + 4096);
            for (int i = 0; i + 4 <= window.length && i < MAX_LEADING_JUNK; i++) {
                Mp3FrameHeader h = Mp3FrameHeader.parse(window, i);
                if (h == null) {
                    continue;
                }
                Mp3FrameHeader next = Mp3FrameHeader.parse(window, i + h.frameBytes());
                boolean atEnd = pos + i + h.frameBytes() == size;
                if ((next != null && next.sampleRate() == h.sampleRate()) || atEnd) {
                    first = h;
                    firstOffset = pos + i;
                    firstFrame = java.util.Arrays.copyOfRange(window, i, Math.min(window.length, i + h.frameBytes()));
                    break;
                }
            }
            if (first == null) {
                throw new AudioDecodeException("MP3: no MPEG layer III frames found (not an MP3 file, or corrupt)");
            }
            int trimStart = 0;
            int trimEnd = 0;
            long frames = 0;
            long audioStart = firstOffset;
            int[] lame = lameDelayAndPadding(firstFrame, first);
            if (lame != null) {
                // the Xing/Info frame carries no audio: start after it
                audioStart = firstOffset + first.frameBytes();
                if (lame.length == 2) {
                    // the decoder delay shifts the whole signal: it is dropped at the start and comes off the end padding
                    trimStart = lame[0] + DECODER_DELAY;
                    trimEnd = Math.max(0, lame[1] - DECODER_DELAY);
                }
            }
            // count frames from audioStart by hopping over frame bodies; stop at the first non-frame (tags, junk)
            long p = audioStart;
            try (InputStream counter = input.open()) {
                if (StreamBytes.skipFully(counter, p) < p) {
                    throw new AudioDecodeException("MP3: file ends before the first audio frame");
                }
                while (true) {
                    int n = counter.readNBytes(head, 0, 4);
                    Mp3FrameHeader h = n == 4 ? Mp3FrameHeader.parse(head, 0) : null;
                    if (h == null || p + h.frameBytes() > size) {
                        break;
                    }
                    frames++;
                    p += h.frameBytes();
                    if (StreamBytes.skipFully(counter, h.frameBytes() - 4) < h.frameBytes() - 4) {
                        break;
                    }
                }
            }
            if (frames == 0) {
                throw new AudioDecodeException("MP3: the file holds no audio frames");
            }
            return new Mp3StreamInfo(audioStart, first, frames, trimStart, trimEnd);
        }
    }

    private static long skipId3v2(InputStream in) throws IOException {
        in.mark(10);
        byte[] h = in.readNBytes(10);
        if (h.length == 10 && h[0] == 'I' && h[1] == 'D' && h[2] == '3') {
            long size = (h[6] & 0x7fL) << 21 | (h[7] & 0x7fL) << 14 | (h[8] & 0x7fL) << 7 | (h[9] & 0x7fL);
            long total = size + ((h[5] & 0x10) != 0 ? 20 : 10);
            return 10 + StreamBytes.skipFully(in, total - 10);
        }
        in.reset();
        return 0;
    }

    /**
     * [encoder delay, padding] from the LAME extension of a Xing/Info first frame; an empty array for a Xing/Info
     * frame without it; null when the first frame is an ordinary audio frame.
     */
    private static int[] lameDelayAndPadding(byte[] frame, Mp3FrameHeader h) {
        int x = h.sideInfoEnd();
        if (frame.length < x + 8) {
            return null;
        }
        String tag = new String(frame, x, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!tag.equals("Xing") && !tag.equals("Info")) {
            return null;
        }
        int flags = frame[x + 7] & 0x0f;
        int p = x + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
        // LAME extension: 9-byte encoder string, then 12 bytes, then delay (12 bits) and padding (12 bits)
        if (frame.length < p + 24 || !(frame[p] == 'L' && frame[p + 1] == 'A' && frame[p + 2] == 'M' && frame[p + 3] == 'E')) {
            return new int[0];
        }
        int a = frame[p + 21] & 0xff;
        int b = frame[p + 22] & 0xff;
        int c = frame[p + 23] & 0xff;
        return new int[] {a << 4 | b >> 4, (b & 0x0f) << 8 | c};
    }
}
