package com.podcastpersonalize.processor.audio.decode;

/**
 * Bounds every decoder checks before and while decoding, so that a hostile or broken file fails with a
 * clear {@link AudioDecodeException} instead of exhausting memory or time.
 *
 * @param maxBytes           largest input accepted, in bytes
 * @param maxDurationSeconds longest audio accepted (declared in a header or found while decoding)
 * @param minSampleRate      lowest sample rate accepted, Hz
 * @param maxSampleRate      highest sample rate accepted, Hz
 * @param maxChannels        most channels accepted (all are downmixed to mono)
 */
public record DecodeLimits(long maxBytes, double maxDurationSeconds, int minSampleRate, int maxSampleRate, int maxChannels) {

    /** 4 GiB, 6 hours, 4 kHz..384 kHz, 1..32 channels. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(4L << 30, 6 * 3600.0, 4_000, 384_000, 32);

    public DecodeLimits {
        if (maxBytes <= 0 || maxDurationSeconds <= 0 || minSampleRate <= 0 || maxSampleRate < minSampleRate || maxChannels < 1) {
            throw new IllegalArgumentException("invalid decode limits: " + maxBytes + " bytes, " + maxDurationSeconds + " s, "
                + minSampleRate + ".." + maxSampleRate + " Hz, " + maxChannels + " channels");
        }
    }

    public DecodeLimits withMaxDurationSeconds(double seconds) {
        return new DecodeLimits(maxBytes, seconds, minSampleRate, maxSampleRate, maxChannels);
    }

    public DecodeLimits withMaxBytes(long bytes) {
        return new DecodeLimits(bytes, maxDurationSeconds, minSampleRate, maxSampleRate, maxChannels);
    }

    /** Checks a stream's declared format; {@code what} names the format in the message. */
    public void checkFormat(String what, long sampleRate, long channels) throws AudioDecodeException {
        if (sampleRate < minSampleRate || sampleRate > maxSampleRate) {
            throw new AudioDecodeException(what + ": sample rate " + sampleRate + " Hz is outside the supported range "
                + minSampleRate + ".." + maxSampleRate + " Hz");
        }
        if (channels < 1 || channels > maxChannels) {
            throw new AudioDecodeException(what + ": " + channels + " channels is outside the supported range 1.." + maxChannels);
        }
    }

    /** Checks a frame count (declared or decoded so far) against the duration limit. */
    public void checkFrames(String what, long frames, int sampleRate) throws AudioDecodeException {
        if (frames > maxDurationSeconds * sampleRate) {
            throw new AudioDecodeException(what + ": audio is longer than the limit of " + maxDurationSeconds + " s ("
                + frames + " frames at " + sampleRate + " Hz)");
        }
    }
}
