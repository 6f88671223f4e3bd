package vn.lienthong.gateway.vdxp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through until more than a limit has been read, then fails instead of reading on. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
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
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException();
        }
    }

    /** The stream went past its limit. */
    static final class LimitExceededException extends IOException {
        LimitExceededException() {
            super("stream larger than its limit");
        }
    }
}
