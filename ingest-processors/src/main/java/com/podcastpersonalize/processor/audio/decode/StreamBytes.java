package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;
import java.io.InputStream;

/** Little helpers to read exact byte counts and to skip reliably (InputStream.skip may skip less). */
final class StreamBytes {

    private StreamBytes() {}

    /** Skips exactly {@code n} bytes; returns how many were skipped (less only at end of stream). */
    static long skipFully(InputStream in, long n) throws IOException {
        long done = 0;
        while (done < n) {
            long s = in.skip(n - done);
            if (s <= 0) {
                // skip may return 0 before the end; one read tells whether bytes remain
                if (in.read() < 0) {
                    break;
                }
                s = 1;
            }
            done += s;
        }
        return done;
    }

    static int u16le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    static long u32le(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    static long s64le(byte[] b, int off) {
        return u32le(b, off) | u32le(b, off + 4) << 32;
    }
}
