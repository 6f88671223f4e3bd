package vn.lienthong.gateway.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * The references among the objects of one revision of a PDF: which objects refer to each object (and under which
 * key of their own dictionary), and which objects are referred to without being defined. Cross-reference streams are
 * not counted: their {@code /Root} and {@code /Info} are the trailer's.
 */
final class CosReferences {

    /** An object that refers to another, under {@code key} of its dictionary, or null when deeper or in an array. */
    record Referrer(COSObjectKey from, COSName key) {
    }

    private static final int MAX_DEPTH = 512;

    private final Set<COSObjectKey> defined;
    private final Map<COSObjectKey, List<Referrer>> referrers = new HashMap<>();
    private final Set<COSObjectKey> undefined = new HashSet<>();

    private CosReferences(Set<COSObjectKey> defined) {
        this.defined = defined;
    }

    /** Reads every object the revision defines and notes what it refers to. */
    static CosReferences of(COSDocument revision) {
        CosReferences references = new CosReferences(new HashSet<>(revision.getXrefTable().keySet()));
        for (COSObjectKey key : references.defined) {
            COSBase object = revision.getObjectFromPool(key).getObject();
            if (!(object instanceof COSStream stream && COSName.XREF.equals(stream.getCOSName(COSName.TYPE)))) {
                references.walk(key, object, null, 0);
            }
        }
        return references;
    }

    /** The objects that refer to the given one; empty when only the trailer, or nothing, does. */
    List<Referrer> referrers(COSObjectKey key) {
        return referrers.getOrDefault(key, List.of());
    }

    /** Objects referred to that this revision does not define (they read as null here). */
    Set<COSObjectKey> undefined() {
        return undefined;
    }

    private void walk(COSObjectKey from, COSBase value, COSName key, int depth) {
        if (depth > MAX_DEPTH || value == null) {
            return;
        }
        if (value instanceof COSObject reference) {
            COSObjectKey to = reference.getKey();
            if (to != null) {
                referrers.computeIfAbsent(to, k -> new ArrayList<>(1)).add(new Referrer(from, key));
                if (!defined.contains(to)) {
                    undefined.add(to);
                }
            }
        } else if (value instanceof COSDictionary dictionary) {
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                walk(from, entry.getValue(), depth == 0 ? entry.getKey() : null, depth + 1);
            }
        } else if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(from, array.get(i), null, depth + 1);
            }
        }
    }
}
