package vn.lienthong.gateway.signature;

import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * One signature of a PDF: the signature dictionary (the {@code /V} of a signature field of the form), the object
 * that holds it in the file (itself, or its field when it is written inside the field), and the signing time it
 * claims ({@code /M}).
 */
record PdfSignature(COSDictionary dictionary, COSObjectKey holder, Instant claimedTime) {

    /** The signatures of the document's form, in the order they were made (by where their signed bytes end). */
    static List<PdfSignature> all(PDDocument document) {
        Map<COSDictionary, PdfSignature> found = new IdentityHashMap<>();
        for (PDSignatureField field : document.getSignatureFields()) {
            COSDictionary fieldDictionary = field.getCOSObject();
            if (fieldDictionary.getDictionaryObject(COSName.V) instanceof COSDictionary value) {
                COSObjectKey holder = value.getKey() != null ? value.getKey() : fieldDictionary.getKey();
                found.putIfAbsent(value, new PdfSignature(value, holder, claimedTime(value)));
            }
        }
        List<PdfSignature> signatures = new ArrayList<>(found.values());
        signatures.sort(Comparator.comparingLong(PdfSignature::signedEnd));
        return signatures;
    }

    /** {@code /SubFilter}, the format of {@code /Contents}; null when absent. */
    COSName subFilter() {
        return dictionary.getCOSName(COSName.SUB_FILTER);
    }

    /** The CMS object (or other value) of {@code /Contents}, padding included. */
    byte[] contents() {
        return dictionary.getItem(COSName.CONTENTS) instanceof COSString contents
                ? contents.getBytes() : new byte[0];
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

    private static Instant claimedTime(COSDictionary signature) {
        try {
            Calendar time = signature.getDate(COSName.M);
            return time == null ? null : time.toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
