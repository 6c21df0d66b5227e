package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC decoder on jFLAC, averaged to mono and scaled by 2^(bits-1) as libsndfile does. The STREAMINFO block
 * gives rate, channels, bit depth and (usually) the total length. Skipping decodes and discards frame by frame.
 */
final class FlacSource extends BlockDecodingSource {

    private final InputStream in;
    private final FLACDecoder decoder;
    private final double scale;
    private final int channels;

    private FlacSource(InputStream in, FLACDecoder decoder, StreamInfo info, DecodeLimits limits) throws AudioDecodeException {
        super("flac", info.getSampleRate(), info.getChannels(), info.getTotalSamples() > 0 ? info.getTotalSamples() : -1, limits);
        if (info.getBitsPerSample() < 4 || info.getBitsPerSample() > 32) {
            throw new AudioDecodeException("FLAC: " + info.getBitsPerSample() + " bits per sample is not valid");
        }
        if (info.getMaxBlockSize() > 65535 || info.getMaxBlockSize() < 16) {
            throw new AudioDecodeException("FLAC: block size " + info.getMaxBlockSize() + " is not valid");
        }
        this.in = in;
        this.decoder = decoder;
        this.channels = info.getChannels();
        this.scale = 1.0 / (1L << (info.getBitsPerSample() - 1));
    }

    static FlacSource open(AudioInput input, DecodeLimits limits) throws IOException {
        InputStream in = input.open();
        try {
            FLACDecoder decoder = new FLACDecoder(in);
            StreamInfo info;
            try {
                info = decoder.readStreamInfo();
                if (info == null) {
                    throw new AudioDecodeException("FLAC: no STREAMINFO block");
                }
                // the remaining metadata blocks (tags, seek table, pictures) are read and dropped here
                decoder.readMetadata(info);
            } catch (AudioDecodeException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new AudioDecodeException("FLAC: unreadable header (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
            return new FlacSource(in, decoder, info, limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    protected int decodeBlock() throws Exception {
        Frame frame = decoder.readNextFrame();
        if (frame == null) {
            return -1;
        }
        if (frame.header.sampleRate != 0 && frame.header.sampleRate != sampleRate()) {
            throw new AudioDecodeException("FLAC: frame sample rate " + frame.header.sampleRate + " Hz differs from the stream's " + sampleRate());
        }
        if (frame.header.channels != channels) {
            throw new AudioDecodeException("FLAC: frame has " + frame.header.channels + " channels, the stream " + channels);
        }
        int n = frame.header.blockSize;
        ChannelData[] data = decoder.getChannelData();
        float[] out = blockBuffer(n);
        for (int f = 0; f < n; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += data[c].getOutput()[f];
            }
            out[f] = (float) (sum * scale / channels);
        }
        return n;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only source
        }
    }
}
