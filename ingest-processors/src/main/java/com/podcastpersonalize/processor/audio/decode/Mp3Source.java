package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MP3 (MPEG 1/2/2.5 layer III) decoder on JLayer, averaged to mono. The frame scan ({@link Mp3StreamInfo})
 * gives the exact length up front and the LAME encoder delay/padding, which are removed so that the samples
 * line up with what librosa (libsndfile + mpg123) returns. Skipping far ahead passes over whole frames without
 * decoding them (their headers give their length), then decodes and discards {@value #PREROLL_FRAMES} frames
 * before the target, as mpg123 does when it seeks: a frame's data may start in the previous frames (the bit
 * reservoir, at most 511 bytes back) and the synthesis filterbank and MDCT overlap carry one frame of state,
 * so after the preroll the decoder's output is what a decode from the start would give at that point.
 */
final class Mp3Source extends BlockDecodingSource {

    /** Frames decoded and discarded before a skipped-to position (bit reservoir and filter state refill). */
    static final int PREROLL_FRAMES = 4;

    private final InputStream in;
    private final int samplesPerFrame;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private long toDropAtStart;

    private Mp3Source(InputStream in, Mp3StreamInfo info, DecodeLimits limits) throws AudioDecodeException {
        super("mp3", info.first().sampleRate(), info.first().channels(), info.totalSamples(), limits);
        this.in = in;
        this.bitstream = new Bitstream(in);
        this.toDropAtStart = info.trimStart();
        this.samplesPerFrame = info.first().samplesPerFrame();
    }

    static Mp3Source open(AudioInput input, DecodeLimits limits) throws IOException {
        Mp3StreamInfo info = Mp3StreamInfo.scan(input);
        InputStream in = input.open();
        try {
            if (StreamBytes.skipFully(in, info.firstAudioFrameOffset()) < info.firstAudioFrameOffset()) {
                throw new AudioDecodeException("MP3: file ends before the first audio frame");
            }
            return new Mp3Source(in, info, limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    protected int decodeBlock() throws Exception {
        while (true) {
            Header header = bitstream.readFrame();
            if (header == null) {
                return -1;
            }
            if (header.frequency() != sampleRate()) {
                throw new AudioDecodeException("MP3: sample rate changes mid-stream from " + sampleRate() + " to " + header.frequency() + " Hz");
            }
            SampleBuffer pcm = (SampleBuffer) decoder.decodeFrame(header, bitstream);
            bitstream.closeFrame();
            int ch = pcm.getChannelCount();
            int frames = pcm.getBufferLength() / ch;
            short[] s = pcm.getBuffer();
            int from = (int) Math.min(frames, toDropAtStart);
            toDropAtStart -= from;
            int n = frames - from;
            if (n == 0) {
                continue;
            }
            float[] out = blockBuffer(n);
            for (int f = 0; f < n; f++) {
                int base = (from + f) * ch;
                float sum = 0;
                for (int c = 0; c < ch; c++) {
                    sum += s[base + c];
                }
                out[f] = sum / (ch * 32768f);
            }
            return n;
        }
    }

    @Override
    public long skip(long frames) throws AudioDecodeException {
        long target = Math.min(frames, totalFrames() - position());
        long skipped = skipBuffered(target);
        if (target - skipped > (long) (PREROLL_FRAMES + 1) * samplesPerFrame) {
            try {
                // whole frames, headers only, up to PREROLL_FRAMES + 1 frames before the target
                while (target - skipped > (long) (PREROLL_FRAMES + 1) * samplesPerFrame) {
                    Header header = bitstream.readFrame();
                    if (header == null) {
                        return skipped;
                    }
                    bitstream.closeFrame();
                    skipped += count();
                }
                // the preroll: decoded for the decoder's state, its samples discarded (counted per frame, since the
                // first frame after a jump may find its reservoir bytes missing and produce no samples)
                for (int i = 0; i < PREROLL_FRAMES; i++) {
                    Header header = bitstream.readFrame();
                    if (header == null) {
                        return skipped;
                    }
                    decoder.decodeFrame(header, bitstream);
                    bitstream.closeFrame();
                    skipped += count();
                }
            } catch (Exception e) {
                throw new AudioDecodeException("mp3: corrupt or truncated audio data after " + position() + " frames ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
        }
        return skipped + super.skip(target - skipped);
    }

    /** Output frames one skipped MP3 frame stands for (less while the encoder delay is still being dropped), recorded as skipped. */
    private long count() throws AudioDecodeException {
        int dropped = (int) Math.min(samplesPerFrame, toDropAtStart);
        toDropAtStart -= dropped;
        advance(samplesPerFrame - dropped);
        return samplesPerFrame - dropped;
    }

    @Override
    public void close() {
        try {
            bitstream.close();
        } catch (Exception e) {
            // read-only source: nothing to recover
        }
        try {
            in.close();
        } catch (IOException e) {
            // idem
        }
    }
}
