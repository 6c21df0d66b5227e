package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * Ogg/Vorbis decoder on JOrbis, averaged to mono. Decodes the first logical stream (pages of other streams
 * are ignored). The length comes from the granule position of the file's last page; decoding stops there,
 * which drops the padding of the last packet as libvorbisfile does. Skipping decodes and discards.
 */
final class OggVorbisSource extends BlockDecodingSource {

    private static final int READ_CHUNK = 8192;
    // Ogg pages are at most ~64 KiB: a stream with no page in this many bytes is not Ogg
    private static final int MAX_BYTES_WITHOUT_PAGE = 1 << 17;

    private final InputStream in;
    private final OggReader reader;
    private final DspState dsp = new DspState();
    private final Block block;
    private final Packet packet = new Packet();
    private final float[][][] pcm = new float[1][][];
    private final int[] index;

    private OggVorbisSource(InputStream in, OggReader reader, Info info, long totalFrames, DecodeLimits limits) throws AudioDecodeException {
        super("ogg/vorbis", info.rate, info.channels, totalFrames, limits);
        this.in = in;
        this.reader = reader;
        if (dsp.synthesis_init(info) != 0) {
            throw new AudioDecodeException("Ogg/Vorbis: decoder rejected the stream setup");
        }
        this.block = new Block(dsp);
        this.index = new int[info.channels];
    }

    static OggVorbisSource open(AudioInput input, DecodeLimits limits) throws IOException {
        InputStream in = input.open();
        try {
            OggReader reader = new OggReader(in);
            Info info = new Info();
            Comment comment = new Comment();
            info.init();
            comment.init();
            Packet p = new Packet();
            for (int i = 0; i < 3; i++) {
                if (!reader.nextPacket(p)) {
                    throw new AudioDecodeException("Ogg/Vorbis: file ends inside the three Vorbis header packets");
                }
                if (i == 0 && info.synthesis_headerin(comment, p) != 0) {
                    throw new AudioDecodeException("Ogg: the first stream is not Vorbis (or its identification header is corrupt)");
                }
                if (i == 0) {
                    // check before JOrbis sizes buffers from these values
                    limits.checkFormat("Ogg/Vorbis", info.rate, info.channels);
                    continue;
                }
                if (i == 1) {
                    VorbisSetupGuard.checkComment(p.packet_base, p.packet, p.bytes);
                } else {
                    VorbisSetupGuard.check(p.packet_base, p.packet, p.bytes);
                }
                if (info.synthesis_headerin(comment, p) != 0) {
                    throw new AudioDecodeException("Ogg/Vorbis: corrupt " + (i == 1 ? "comment" : "setup") + " header");
                }
            }
            long total = lastGranule(input, reader.serial());
            return new OggVorbisSource(in, reader, info, total, limits);
        } catch (AudioDecodeException e) {
            in.close();
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            in.close();
            throw new AudioDecodeException("Ogg/Vorbis: unreadable headers (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Granule position (= total samples per channel) of the stream's last page, -1 if not found. */
    private static long lastGranule(AudioInput input, int serial) throws IOException {
        byte[] tail = input.tail(MAX_BYTES_WITHOUT_PAGE);
        for (int i = tail.length - 27; i >= 0; i--) {
            if (tail[i] == 'O' && tail[i + 1] == 'g' && tail[i + 2] == 'g' && tail[i + 3] == 'S'
                && (int) StreamBytes.u32le(tail, i + 14) == serial) {
                long granule = StreamBytes.s64le(tail, i + 6);
                if (granule >= 0) {
                    return granule;
                }
            }
        }
        return -1;
    }

    @Override
    protected int decodeBlock() throws Exception {
        while (true) {
            int samples = dsp.synthesis_pcmout(pcm, index);
            if (samples > 0) {
                float[][] channels = pcm[0];
                int ch = channels.length;
                float[] out = blockBuffer(samples);
                for (int f = 0; f < samples; f++) {
                    float sum = 0;
                    for (int c = 0; c < ch; c++) {
                        sum += channels[c][index[c] + f];
                    }
                    out[f] = sum / ch;
                }
                dsp.synthesis_read(samples);
                return samples;
            }
            if (!reader.nextPacket(packet)) {
                return -1;
            }
            if (block.synthesis(packet) == 0) {
                dsp.synthesis_blockin(block);
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only source
        }
    }

    /** Pulls pages from the stream and packets of the first logical stream out of them. */
    private static final class OggReader {
        private final InputStream in;
        private final SyncState sync = new SyncState();
        private final StreamState stream = new StreamState();
        private final Page page = new Page();
        private boolean streamStarted;
        private int serial;
        private boolean eof;

        OggReader(InputStream in) {
            this.in = in;
            sync.init();
        }

        int serial() {
            return serial;
        }

        boolean nextPacket(Packet p) throws IOException {
            while (true) {
                if (streamStarted) {
                    int r = stream.packetout(p);
                    if (r == 1) {
                        return true;
                    }
                    // r == -1: a hole in the data (lost page); carry on with the next packet
                }
                if (!nextPage()) {
                    return false;
                }
                if (!streamStarted) {
                    serial = page.serialno();
                    stream.init(serial);
                    streamStarted = true;
                }
                if (page.serialno() == serial) {
                    stream.pagein(page);
                }
            }
        }

        private boolean nextPage() throws IOException {
            long bytesWithoutPage = 0;
            while (true) {
                int r = sync.pageout(page);
                if (r == 1) {
                    return true;
                }
                if (eof) {
                    return false;
                }
                if (bytesWithoutPage > MAX_BYTES_WITHOUT_PAGE) {
                    throw new AudioDecodeException("Ogg: no valid page in " + bytesWithoutPage + " bytes (not an Ogg file, or corrupt)");
                }
                int off = sync.buffer(READ_CHUNK);
                int n = in.read(sync.data, off, READ_CHUNK);
                if (n <= 0) {
                    eof = true;
                    continue;
                }
                sync.wrote(n);
                bytesWithoutPage += n;
            }
        }
    }
}
