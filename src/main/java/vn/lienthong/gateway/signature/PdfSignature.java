package vn.lienthong.gateway.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * One signature of a PDF: the signature dictionary (the {@code /V} of a signature field of the form), the object
 * that holds it in the file (itself, or its field when it is written inside the field), and the signing time it
 * claims ({@code /M}).
 */
record PdfSignature(COSDictionary dictionary, COSObjectKey holder, Instant claimedTime) {

    private static final int MAX_BER_DEPTH = 64;

    /**
     * The signatures of the document, in the order they were made (by where their signed bytes end): those of the
     * signature fields of its form, and those of signature widgets on its pages that the form does not list (some
     * signing tools leave them out of {@code /Fields}; viewers show them).
     */
    static List<PdfSignature> all(PDDocument document) {
        Map<COSDictionary, PdfSignature> found = new IdentityHashMap<>();
        for (PDSignatureField field : document.getSignatureFields()) {
            add(field.getCOSObject(), found);
        }
        for (PDPage page : document.getPages()) {
            if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
                for (int i = 0; i < annotations.size(); i++) {
                    if (annotations.getObject(i) instanceof COSDictionary annotation
                            && COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
                        add(annotation.containsKey(COSName.FT) ? annotation
                                : annotation.getCOSDictionary(COSName.PARENT), found);
                    }
                }
            }
        }
        List<PdfSignature> signatures = new ArrayList<>(found.values());
        signatures.sort(Comparator.comparingLong(PdfSignature::signedEnd));
        return signatures;
    }

    private static void add(COSDictionary field, Map<COSDictionary, PdfSignature> found) {
        if (field != null && COSName.SIG.equals(field.getCOSName(COSName.FT))
                && field.getDictionaryObject(COSName.V) instanceof COSDictionary value) {
            COSObjectKey holder = value.getKey() != null ? value.getKey() : field.getKey();
            found.putIfAbsent(value, new PdfSignature(value, holder, claimedTime(value)));
        }
    }

    /** {@code /SubFilter}, the format of {@code /Contents}; null when absent. */
    COSName subFilter() {
        return dictionary.getCOSName(COSName.SUB_FILTER);
    }

    /**
     * The CMS object of {@code /Contents} without the zeros that pad it to the space reserved for it; the whole value
     * when it does not start with a complete BER element.
     */
    byte[] contents() {
        if (!(dictionary.getItem(COSName.CONTENTS) instanceof COSString string)) {
            return new byte[0];
        }
        byte[] contents = string.getBytes();
        int end = elementEnd(contents, 0, 0);
        return end > 0 ? Arrays.copyOf(contents, end) : contents;
    }

    /**
     * Whether the signature certifies the document allowing no change at all: a {@code /Reference} with the
     * {@code DocMDP} transform and {@code /P 1}.
     */
    boolean certifiesWithNoChangeAllowed() {
        if (!(dictionary.getDictionaryObject(COSName.REFERENCE) instanceof COSArray references)) {
            return false;
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.getObject(i) instanceof COSDictionary reference
                    && COSName.DOCMDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))
                    && reference.getDictionaryObject(COSName.TRANSFORM_PARAMS) instanceof COSDictionary parameters
                    && parameters.getInt(COSName.P, 2) == 1) {
                return true;
            }
        }
        return false;
    }

    /** Where the signed bytes end by the {@code /ByteRange} as written, for ordering only (not checked here). */
    private long signedEnd() {
        if (dictionary.getItem(COSName.BYTERANGE) instanceof COSArray range && range.size() == 4
                && range.get(2) instanceof COSNumber start && range.get(3) instanceof COSNumber length) {
            return start.longValue() + length.longValue();
        }
        return Long.MAX_VALUE;
    }

    /** Where the BER element starting at {@code offset} ends, or -1 when it does not end within the bytes. */
    private static int elementEnd(byte[] b, int offset, int depth) {
        if (depth > MAX_BER_DEPTH || offset + 2 > b.length) {
            return -1;
        }
        int i = offset + 1;
        if ((b[offset] & 0x1f) == 0x1f) {
            while (i < b.length && (b[i] & 0x80) != 0) {
                i++;
            }
            i++;
        }
        if (i >= b.length) {
            return -1;
        }
        int first = b[i++] & 0xff;
        if (first == 0x80) {
            return (b[offset] & 0x20) == 0 ? -1 : indefiniteEnd(b, i, depth);
        }
        long length = first;
        if (first > 0x80) {
            int n = first & 0x7f;
            if (n > 4 || i + n > b.length) {
                return -1;
            }
            length = 0;
            for (int k = 0; k < n; k++) {
                length = (length << 8) | (b[i++] & 0xff);
            }
        }
        long end = i + length;
        return end <= b.length ? (int) end : -1;
    }

    /** The end of the contents of an indefinite length, after its end-of-contents octets. */
    private static int indefiniteEnd(byte[] b, int start, int depth) {
        int i = start;
        while (i + 2 <= b.length) {
            if (b[i] == 0 && b[i + 1] == 0) {
                return i + 2;
            }
            i = elementEnd(b, i, depth + 1);
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static Instant claimedTime(COSDictionary signature) {
        try {
            Calendar time = signature.getDate(COSName.M);
            return time == null ? null : time.toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
