package vn.lienthong.gateway.signature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;

/**
 * The {@code /ByteRange} of a PDF signature, checked against the file: {@code [0 a b c]}, two direct integers after
 * the zero, where the gap {@code [a, b)} holds exactly the hexadecimal {@code /Contents} of the signature and
 * {@code b + c} is the end of a revision (the signed bytes end with {@code %%EOF}).
 */
record PdfByteRange(int gapStart, int gapEnd, int revisionEnd) {

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_WHITE_SPACE_AFTER_EOF = 32;

    /** A byte range the signature cannot be checked with; the message says why. */
    static final class Invalid extends Exception {

        Invalid(String detail) {
            super(detail, null, false, false);
        }
    }

    /** The byte range of the signature dictionary, checked against the file and the dictionary's contents. */
    static PdfByteRange read(COSDictionary signature, byte[] pdf) throws Invalid {
        long[] range = integers(signature.getItem(COSName.BYTERANGE));
        if (range[0] != 0) {
            throw new Invalid("the /ByteRange does not start at the beginning of the file");
        }
        long gapStart = range[1];
        long gapEnd = range[2];
        long end = gapEnd + range[3];
        if (gapStart <= 0 || gapEnd < gapStart + 2 || range[3] < 0 || end > pdf.length) {
            throw new Invalid("the /ByteRange [0 " + gapStart + " " + gapEnd + " " + range[3]
                    + "] does not lie within the file of " + pdf.length + " bytes with a gap between its two parts");
        }
        PdfByteRange byteRange = new PdfByteRange((int) gapStart, (int) gapEnd, (int) end);
        byteRange.checkGap(signature, pdf);
        byteRange.checkRevisionEnd(pdf);
        return byteRange;
    }

    /** The bytes the signature covers: the file up to the end of the revision, without the gap. */
    byte[] signedContent(byte[] pdf) {
        byte[] content = Arrays.copyOf(pdf, gapStart + revisionEnd - gapEnd);
        System.arraycopy(pdf, gapEnd, content, gapStart, revisionEnd - gapEnd);
        return content;
    }

    /** Whether the signature covers the whole file but the gap, with nothing after its revision. */
    boolean coversWholeFile(byte[] pdf) {
        return revisionEnd == pdf.length;
    }

    private static long[] integers(COSBase value) throws Invalid {
        if (!(value instanceof COSArray array) || array.size() != 4) {
            throw new Invalid("the /ByteRange is not a direct array of four integers");
        }
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.get(i) instanceof COSInteger integer)) {
                throw new Invalid("the /ByteRange is not a direct array of four integers");
            }
            range[i] = integer.longValue();
        }
        return range;
    }

    /** The gap is {@code <hex digits>}, nothing else, and they are the signature's {@code /Contents}. */
    private void checkGap(COSDictionary signature, byte[] pdf) throws Invalid {
        if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>') {
            throw new Invalid("the gap of the /ByteRange is not a hexadecimal string");
        }
        StringBuilder hex = new StringBuilder(gapEnd - gapStart);
        for (int i = gapStart + 1; i < gapEnd - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                throw new Invalid("the gap of the /ByteRange holds more than the hexadecimal /Contents");
            }
            hex.append((char) pdf[i]);
        }
        if (hex.length() % 2 == 1) {
            hex.append('0');
        }
        if (!(signature.getItem(COSName.CONTENTS) instanceof COSString contents)
                || !Arrays.equals(HexFormat.of().parseHex(hex), contents.getBytes())) {
            throw new Invalid("the gap of the /ByteRange is not the /Contents of this signature");
        }
    }

    /** The signed bytes end with {@code %%EOF} (and white space): a revision, not a part of one. */
    private void checkRevisionEnd(byte[] pdf) throws Invalid {
        int end = revisionEnd;
        while (end > gapEnd && revisionEnd - end < MAX_WHITE_SPACE_AFTER_EOF && isWhiteSpace(pdf[end - 1])) {
            end--;
        }
        if (end - gapEnd < EOF_MARKER.length
                || !Arrays.equals(pdf, end - EOF_MARKER.length, end, EOF_MARKER, 0, EOF_MARKER.length)) {
            throw new Invalid("the /ByteRange ends at byte " + revisionEnd + ", which is not the end of a revision"
                    + " (%%EOF)");
        }
    }

    private static boolean isWhiteSpace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }
}
