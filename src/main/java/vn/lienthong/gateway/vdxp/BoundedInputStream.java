package vn.lienthong.gateway.vdxp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most a given number of bytes through, then fails, remembering that it did. */
final class BoundedInputStream extends FilterInputStream {

    /** More bytes came than allowed. */
    static final class SizeExceeded extends IOException {
        SizeExceeded() {
            super("size limit exceeded");
        }
    }

    private final long max;
    private long count;
    private boolean exceeded;

    BoundedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, max - count + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, max - count + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws SizeExceeded {
        count += n;
        if (count > max) {
            exceeded = true;
            throw new SizeExceeded();
        }
    }
}
