package com.podcastpersonalize.processor.audio.decode;

/**
 * An {@link AudioSource} at a target rate over one at another rate, through a streaming {@link SincResampler}.
 * {@link #skip} skips in the underlying source (seeking where it can) and restarts the resampler there, so a
 * skipped-to window starts as if the audio began at that point (a transient of a millisecond at most). The
 * frames skipped can differ from the request by the resampler's look-ahead (a few dozen input frames).
 */
public final class ResamplingSource implements AudioSource {

    private static final int READ_BLOCK = 4096; // input frames read at a time at most

    private final AudioSource source;
    private final int targetRate;
    private final SincResampler resampler;
    private boolean sourceEnded;
    private long inputFramesSinceReset;
    private long outputFramesSinceReset;

    private ResamplingSource(AudioSource source, int targetRate) {
        this.source = source;
        this.targetRate = targetRate;
        this.resampler = new SincResampler(source.sampleRate(), targetRate);
    }

    /** The source itself when it already has the target rate. */
    public static AudioSource of(AudioSource source, int targetRate) {
        return source.sampleRate() == targetRate ? source : new ResamplingSource(source, targetRate);
    }

    @Override
    public int sampleRate() {
        return targetRate;
    }

    @Override
    public int channels() {
        return source.channels();
    }

    @Override
    public long totalFrames() {
        long total = source.totalFrames();
        return total < 0 ? -1 : resampler.outputLength(total);
    }

    @Override
    public String format() {
        return source.format() + "@" + source.sampleRate() + "->" + targetRate;
    }

    @Override
    public int read(float[] buf, int off, int len) throws AudioDecodeException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = resampler.drain(buf, off, len, sourceEnded);
            if (n > 0) {
                outputFramesSinceReset += n;
                return n;
            }
            if (sourceEnded) {
                return -1;
            }
            // read only what this request needs, so that little input is read ahead of the output position
            int got = resampler.feed(source, Math.min(READ_BLOCK, resampler.inputNeededFor(len)));
            if (got < 0) {
                sourceEnded = true;
            } else {
                inputFramesSinceReset += got;
            }
        }
    }

    @Override
    public long skip(long frames) throws AudioDecodeException {
        // position in output frames, mapped to the input frame that starts there
        long targetOut = outputFramesSinceReset + frames;
        long inputTarget = Math.round((double) targetOut * source.sampleRate() / targetRate);
        long inputSkip = Math.max(0, inputTarget - inputFramesSinceReset);
        long skipped = source.skip(inputSkip);
        long skippedOut = Math.round((double) (inputFramesSinceReset + skipped) * targetRate / source.sampleRate()) - outputFramesSinceReset;
        resampler.reset();
        inputFramesSinceReset = 0;
        outputFramesSinceReset = 0;
        if (skipped < inputSkip) {
            sourceEnded = true;
        }
        // can differ from the request by the resampler's look-ahead (a few dozen input frames)
        return Math.max(0, skippedOut);
    }

    @Override
    public void close() {
        source.close();
    }
}
