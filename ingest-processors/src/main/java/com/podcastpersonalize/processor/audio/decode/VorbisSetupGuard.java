package com.podcastpersonalize.processor.audio.decode;

/**
 * Checks the Vorbis comment and setup headers before JOrbis unpacks them: JOrbis allocates arrays sized by
 * untrusted fields (a comment length or count up to 2^32, a codebook's entries × dimensions up to 2^24 × 2^16),
 * so a crafted or damaged file could exhaust the heap. Comment lengths and counts must fit in the packet;
 * codebooks whose value tables would exceed {@value #MAX_VALUES} values, or that run past the end of the
 * packet, are rejected. Layout per the Vorbis I specification, sections 5.2 and 3.2.1.
 */
final class VorbisSetupGuard {

    // far above any real encoder's codebooks (tens of thousands of values), far below a heap problem
    static final long MAX_VALUES = 1L << 22;

    private final byte[] data;
    private final int end;
    private long bitPos;

    private VorbisSetupGuard(byte[] data, int off, int len) {
        this.data = data;
        this.end = off + len;
        this.bitPos = (long) off * 8;
    }

    static void check(byte[] data, int off, int len) throws AudioDecodeException {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new AudioDecodeException("Ogg/Vorbis: setup header packet out of bounds");
        }
        new VorbisSetupGuard(data, off, len).walk();
    }

    /** The comment header: vendor string and user comments, each a 32-bit length and that many bytes. */
    static void checkComment(byte[] data, int off, int len) throws AudioDecodeException {
        if (off < 0 || len < 7 || off + len > data.length || data[off] != 3) {
            throw new AudioDecodeException("Ogg/Vorbis: corrupt comment header");
        }
        int p = off + 7;
        int end = off + len;
        long vendor = p + 4 <= end ? StreamBytes.u32le(data, p) : -1;
        if (vendor < 0 || p + 4 + vendor > end) {
            throw new AudioDecodeException("Ogg/Vorbis: comment header vendor string runs past the packet");
        }
        p += 4 + (int) vendor;
        long count = p + 4 <= end ? StreamBytes.u32le(data, p) : -1;
        if (count < 0 || count > (end - p - 4) / 4) {
            throw new AudioDecodeException("Ogg/Vorbis: comment header declares more comments than the packet holds");
        }
        p += 4;
        for (long c = 0; c < count; c++) {
            long n = StreamBytes.u32le(data, p);
            if (p + 4 + n > end) {
                throw new AudioDecodeException("Ogg/Vorbis: comment " + c + " runs past the packet");
            }
            p += 4 + (int) n;
        }
    }

    private void walk() throws AudioDecodeException {
        if (bits(8) != 5) {
            throw corrupt("not a setup header");
        }
        bitPos += 6 * 8; // "vorbis"
        int books = (int) bits(8) + 1;
        long totalValues = 0;
        for (int b = 0; b < books; b++) {
            if (bits(24) != 0x564342) {
                throw corrupt("codebook " + b + " has no sync pattern");
            }
            long dim = bits(16);
            long entries = bits(24);
            if (bits(1) == 1) { // ordered lengths
                long current = 0;
                long length = bits(5) + 1;
                while (current < entries) {
                    long number = bits(ilog(entries - current));
                    current += number;
                    if (current > entries || ++length > 33) {
                        throw corrupt("codebook " + b + " has invalid ordered lengths");
                    }
                }
            } else {
                boolean sparse = bits(1) == 1;
                for (long e = 0; e < entries; e++) {
                    if (!sparse || bits(1) == 1) {
                        bits(5);
                    }
                }
            }
            long lookup = bits(4);
            long values = 0;
            if (lookup == 1 || lookup == 2) {
                bits(32);
                bits(32);
                long valueBits = bits(4) + 1;
                bits(1);
                values = lookup == 1 ? lookup1Values(entries, dim) : entries * dim;
                if (values > MAX_VALUES) {
                    throw corrupt("codebook " + b + " asks for " + values + " lookup values");
                }
                skip(values * valueBits);
            } else if (lookup != 0) {
                throw corrupt("codebook " + b + " has lookup type " + lookup);
            }
            totalValues += Math.max(values, entries * Math.max(1, dim));
            if (totalValues > MAX_VALUES * 4) {
                throw corrupt("codebooks need more than " + MAX_VALUES * 4 + " entries");
            }
        }
    }

    /** The largest r with r^dim ≤ entries (the spec's lookup1_values). */
    private static long lookup1Values(long entries, long dim) {
        if (dim == 0) {
            return 0;
        }
        long r = (long) Math.floor(Math.pow(entries, 1.0 / dim));
        while (Math.pow(r + 1, dim) <= entries) {
            r++;
        }
        while (r > 0 && Math.pow(r, dim) > entries) {
            r--;
        }
        return r;
    }

    private static int ilog(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    private long bits(int n) throws AudioDecodeException {
        if (bitPos + n > (long) end * 8) {
            throw corrupt("setup header ends inside a codebook");
        }
        long v = 0;
        for (int i = 0; i < n; i++, bitPos++) {
            int bit = (data[(int) (bitPos >> 3)] >> (bitPos & 7)) & 1;
            v |= (long) bit << i;
        }
        return v;
    }

    private void skip(long n) throws AudioDecodeException {
        if (bitPos + n > (long) end * 8) {
            throw corrupt("setup header ends inside a codebook");
        }
        bitPos += n;
    }

    private static AudioDecodeException corrupt(String what) {
        return new AudioDecodeException("Ogg/Vorbis: corrupt setup header (" + what + ")");
    }
}
