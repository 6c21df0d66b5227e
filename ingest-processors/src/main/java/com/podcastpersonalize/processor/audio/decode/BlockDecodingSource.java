package com.podcastpersonalize.processor.audio.decode;

/**
 * Base of the decoders that produce audio one decoded block at a time (a codec frame or a chunk of PCM):
 * serves {@link #read} from the current block, skips by decoding and discarding, counts frames against the
 * duration limit and turns anything a codec library throws into an {@link AudioDecodeException}.
 */
abstract class BlockDecodingSource implements AudioSource {

    private final String format;
    private final int sampleRate;
    private final int channels;
    private final DecodeLimits limits;
    private long totalFrames;
    private float[] block = new float[0];
    private int blockPos;
    private int blockLen;
    private long framesOut;
    private boolean ended;

    BlockDecodingSource(String format, int sampleRate, int channels, long totalFrames, DecodeLimits limits) throws AudioDecodeException {
        limits.checkFormat(format, sampleRate, channels);
        if (totalFrames >= 0) {
            limits.checkFrames(format, totalFrames, sampleRate);
        }
        this.format = format;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.totalFrames = totalFrames;
        this.limits = limits;
    }

    /**
     * Decodes the next block of mono frames into a buffer obtained from {@link #blockBuffer}; returns the number
     * of frames (0 is allowed, e.g. for a header packet) or -1 at the end of the stream.
     */
    protected abstract int decodeBlock() throws Exception;

    /** A buffer of at least {@code frames} floats for {@link #decodeBlock} to fill. */
    protected final float[] blockBuffer(int frames) {
        if (block.length < frames) {
            block = new float[frames];
        }
        return block;
    }

    /** Limits the stream to a known frame count (e.g. codec padding at the end); -1 leaves it open. */
    protected final void setTotalFrames(long frames) {
        this.totalFrames = frames;
    }

    @Override
    public final int read(float[] buf, int off, int len) throws AudioDecodeException {
        if (len == 0) {
            return 0;
        }
        if (!fillBlock()) {
            return -1;
        }
        int n = (int) Math.min(Math.min(len, blockLen - blockPos), remaining());
        System.arraycopy(block, blockPos, buf, off, n);
        blockPos += n;
        framesOut += n;
        return n;
    }

    @Override
    public long skip(long frames) throws AudioDecodeException {
        long skipped = 0;
        while (skipped < frames && fillBlock()) {
            int n = (int) Math.min(Math.min(frames - skipped, blockLen - blockPos), remaining());
            blockPos += n;
            framesOut += n;
            skipped += n;
        }
        return skipped;
    }

    /** Skips up to {@code frames} frames that are already decoded in the current block; returns how many. */
    protected final long skipBuffered(long frames) {
        int n = (int) Math.min(Math.min(frames, blockLen - blockPos), remaining());
        blockPos += n;
        framesOut += n;
        return n;
    }

    /** Records frames a subclass skipped without decoding (e.g. by seeking). */
    protected final void advance(long frames) throws AudioDecodeException {
        framesOut += frames;
        limits.checkFrames(format, framesOut, sampleRate);
    }

    /** Frames already returned or skipped. */
    protected final long position() {
        return framesOut;
    }

    private long remaining() {
        return totalFrames < 0 ? Long.MAX_VALUE : totalFrames - framesOut;
    }

    // At most this many empty blocks in a row: a corrupt stream must not spin forever without producing audio.
    private static final int MAX_EMPTY_BLOCKS = 10_000;

    private boolean fillBlock() throws AudioDecodeException {
        if (ended || remaining() <= 0) {
            return false;
        }
        int empty = 0;
        while (blockPos >= blockLen) {
            int n;
            try {
                n = decodeBlock();
            } catch (AudioDecodeException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                throw new AudioDecodeException(format + ": corrupt or truncated audio data after " + framesOut + " frames ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
            if (n < 0) {
                ended = true;
                if (totalFrames >= 0 && framesOut < totalFrames) {
                    onShortStream(framesOut, totalFrames);
                }
                return false;
            }
            if (n == 0 && ++empty > MAX_EMPTY_BLOCKS) {
                throw new AudioDecodeException(format + ": no audio decoded from " + MAX_EMPTY_BLOCKS + " consecutive blocks (corrupt stream)");
            }
            if (n > 0) {
                empty = 0;
            }
            blockPos = 0;
            blockLen = n;
            limits.checkFrames(format, framesOut + n, sampleRate);
        }
        return true;
    }

    /**
     * Called when the stream ends before the frame count the header declared. Codecs whose declared length is
     * only a hint accept it (the default); formats whose header must be exact override this to fail.
     */
    protected void onShortStream(long decoded, long declared) throws AudioDecodeException {
        totalFrames = decoded;
    }

    @Override
    public final int sampleRate() {
        return sampleRate;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final long totalFrames() {
        return totalFrames;
    }

    @Override
    public final String format() {
        return format;
    }

    protected final DecodeLimits limits() {
        return limits;
    }
}
