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
 * line up with what librosa (libsndfile + mpg123) returns. Skipping decodes and discards (MP3 frames depend on
 * the previous frame's bit reservoir), keeping only one frame in memory.
 */
final class Mp3Source extends BlockDecodingSource {

    private final InputStream in;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private long toDropAtStart;

    private Mp3Source(InputStream in, Mp3StreamInfo info, DecodeLimits limits) throws AudioDecodeException {
        super("mp3", info.first().sampleRate(), info.first().channels(), info.totalSamples(), limits);
        this.in = in;
        this.bitstream = new Bitstream(in);
        this.toDropAtStart = info.trimStart();
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
