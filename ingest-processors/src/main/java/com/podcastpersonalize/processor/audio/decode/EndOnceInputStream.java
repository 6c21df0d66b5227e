package com.podcastpersonalize.processor.audio.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports the end of its stream once; any read after that throws. jFLAC 1.5.2 catches the end of
 * the stream inside its frame-sync search and keeps searching on some corrupt streams, spinning
 * forever without reading anything new (found by {@code DecoderFuzzTests}, seed 7DBBDEA4DBCC9927):
 * a second read past the end is how that loop is stopped.
 */
final class EndOnceInputStream extends FilterInputStream {

    private boolean ended;

    EndOnceInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        checkNotEnded();
        int b = super.read();
        ended = b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkNotEnded();
        int n = super.read(buffer, offset, length);
        ended = n < 0;
        return n;
    }

    private void checkNotEnded() throws IOException {
        if (ended) {
            throw new IOException("corrupt stream: the decoder read past its end");
        }
    }
}
