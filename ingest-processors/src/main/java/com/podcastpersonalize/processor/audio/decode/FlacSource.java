package com.podcastpersonalize.processor.audio.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;

/**
 * FLAC decoder on jFLAC, averaged to mono and scaled by 2^(bits-1) as libsndfile does. The STREAMINFO block
 * (parsed by {@link FlacStreamHeader}) gives rate, channels, bit depth and (usually) the total length.
 * Skipping decodes and discards frame by frame.
 */
final class FlacSource extends BlockDecodingSource {

    private final InputStream in;
    private final FLACDecoder decoder;
    private final double scale;
    private final int channels;

    private FlacSource(InputStream in, FLACDecoder decoder, FlacStreamHeader header, DecodeLimits limits) throws AudioDecodeException {
        super("flac", header.sampleRate(), header.channels(), header.totalSamples() > 0 ? header.totalSamples() : -1, limits);
        this.in = in;
        this.decoder = decoder;
        this.channels = header.channels();
        this.scale = 1.0 / (1L << (header.bitsPerSample() - 1));
    }

    static FlacSource open(AudioInput input, DecodeLimits limits) throws IOException {
        InputStream in = input.open();
        try {
            FlacStreamHeader header = FlacStreamHeader.read(in, input.size());
            limits.checkFormat("FLAC", header.sampleRate(), header.channels());
            // jFLAC sees only the marker, STREAMINFO and the frames (see FlacStreamHeader for why)
            InputStream clean = new EndOnceInputStream(new SequenceInputStream(new ByteArrayInputStream(header.minimalHeader()), in));
            FLACDecoder decoder = new FLACDecoder(clean);
            try {
                decoder.readMetadata();
            } catch (IOException | RuntimeException e) {
                throw new AudioDecodeException("FLAC: unreadable STREAMINFO (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
            return new FlacSource(in, decoder, header, limits);
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
