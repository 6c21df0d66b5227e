package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens encoded audio as a mono {@link AudioSource}. The format is recognised from the content (magic bytes),
 * never from the file extension: WAV (RIFF/WAVE), FLAC ("fLaC"), Ogg/Vorbis ("OggS"), MP3 (ID3v2 tag or MPEG
 * layer III frame sync confirmed by a second frame).
 */
public final class AudioDecoders {

    private AudioDecoders() {}

    public static AudioSource open(Path file, DecodeLimits limits) throws AudioDecodeException {
        return open(AudioInput.of(file), limits);
    }

    public static AudioSource open(AudioInput input, DecodeLimits limits) throws AudioDecodeException {
        try {
            long size = input.size();
            if (size == 0) {
                throw new AudioDecodeException(input.name() + ": file is empty (0 bytes)");
            }
            if (size > limits.maxBytes()) {
                throw new AudioDecodeException(input.name() + ": " + size + " bytes is more than the limit of " + limits.maxBytes());
            }
            byte[] head = input.head(12);
            AudioSource source = switch (sniff(head)) {
                case WAV -> WavSource.open(input, limits);
                case FLAC -> FlacSource.open(input, limits);
                case OGG -> OggVorbisSource.open(input, limits);
                case MP3 -> Mp3Source.open(input, limits);
                case UNKNOWN -> throw new AudioDecodeException(input.name() + ": unrecognised audio format (not WAV, FLAC, Ogg/Vorbis or MP3); first bytes "
                    + hex(head));
            };
            return new NamedSource(input.name(), source);
        } catch (AudioDecodeException e) {
            throw e.getMessage().startsWith(input.name() + ":") ? e : new AudioDecodeException(input.name() + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new AudioDecodeException(input.name() + ": no such file", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new AudioDecodeException(input.name() + ": cannot read audio (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    enum Container { WAV, FLAC, OGG, MP3, UNKNOWN }

    static Container sniff(byte[] h) {
        if (startsWith(h, 0, "RIFF") && startsWith(h, 8, "WAVE")) {
            return Container.WAV;
        }
        if (startsWith(h, 0, "fLaC")) {
            return Container.FLAC;
        }
        if (startsWith(h, 0, "OggS")) {
            return Container.OGG;
        }
        if (startsWith(h, 0, "ID3") || (h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0)) {
            return Container.MP3;
        }
        return Container.UNKNOWN;
    }

    private static boolean startsWith(byte[] b, int off, String s) {
        if (b.length < off + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.length() == 0 ? "(none)" : sb.toString();
    }
}
