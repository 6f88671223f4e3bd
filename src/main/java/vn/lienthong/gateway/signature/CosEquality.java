package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Whether two PDF objects, each read from its own revision of a document, are the same object: the same values
 * (numbers by value, so {@code 0} and {@code 0.0} are the same), the same references (by object number and
 * generation, not followed), and for streams the same encoded bytes. The stream bytes it reads are bounded: streams
 * beyond the bound are not the same (written inside one another, hostile streams could make it read a file over and
 * over).
 */
final class CosEquality {

    /** Deeper than PDFBox reads (500 levels): anything it parsed is compared in full. */
    private static final int MAX_DEPTH = 512;
    private static final int CHUNK = 8192;

    private long streamBytesLeft;

    /** Compares objects, reading at most {@code streamBytes} bytes of streams in all. */
    CosEquality(long streamBytes) {
        this.streamBytesLeft = streamBytes;
    }

    boolean equal(COSBase a, COSBase b) throws IOException {
        return equal(a, b, 0);
    }

    private boolean equal(COSBase a, COSBase b, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (isNull(a) || isNull(b)) {
            return isNull(a) && isNull(b);
        }
        if (a instanceof COSObject ra) {
            return b instanceof COSObject rb && Objects.equals(ra.getKey(), rb.getKey());
        }
        if (a instanceof COSStream sa) {
            return b instanceof COSStream sb && entriesEqual(sa, sb, depth, true) && encodedEqual(sa, sb);
        }
        if (a instanceof COSDictionary da) {
            return b instanceof COSDictionary db && !(b instanceof COSStream) && entriesEqual(da, db, depth, false);
        }
        if (a instanceof COSArray aa) {
            if (!(b instanceof COSArray ab) || aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!equal(aa.get(i), ab.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa) {
            return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        if (a instanceof COSInteger ia && b instanceof COSInteger ib) {
            return ia.longValue() == ib.longValue();
        }
        if (a instanceof COSNumber na) {
            return b instanceof COSNumber nb && Float.compare(na.floatValue(), nb.floatValue()) == 0;
        }
        if (a instanceof COSName || a instanceof COSBoolean) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean isNull(COSBase value) {
        return value == null || value instanceof COSNull;
    }

    /** The same keys with equal values; a stream's {@code /Length} is left to the comparison of its bytes. */
    private boolean entriesEqual(COSDictionary a, COSDictionary b, int depth, boolean stream)
            throws IOException {
        for (COSName key : a.keySet()) {
            if (!(stream && COSName.LENGTH.equals(key)) && !equal(a.getItem(key), b.getItem(key), depth + 1)) {
                return false;
            }
        }
        for (COSName key : b.keySet()) {
            if (!(stream && COSName.LENGTH.equals(key)) && !a.containsKey(key) && !isNull(b.getItem(key))) {
                return false;
            }
        }
        return true;
    }

    private boolean encodedEqual(COSStream a, COSStream b) throws IOException {
        long length = a.getLength() + b.getLength();
        if (length > streamBytesLeft) {
            return false;
        }
        streamBytesLeft -= length;
        try (InputStream ia = a.createRawInputStream(); InputStream ib = b.createRawInputStream()) {
            byte[] ca = new byte[CHUNK];
            byte[] cb = new byte[CHUNK];
            while (true) {
                int na = ia.readNBytes(ca, 0, CHUNK);
                int nb = ib.readNBytes(cb, 0, CHUNK);
                if (na != nb || !Arrays.equals(ca, 0, na, cb, 0, nb)) {
                    return false;
                }
                if (na < CHUNK) {
                    return true;
                }
            }
        }
    }
}
