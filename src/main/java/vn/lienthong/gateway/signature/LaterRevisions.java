package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * Decides whether the later revisions of a PDF (incremental updates) change, compared with the revision a signature
 * covers, only what signing adds. Allowed: new signature fields that carry their signature (added to the form's
 * {@code /Fields} and, as widgets, to a page's {@code /Annots}), an unsigned signature field of the signed revision
 * being signed ({@code /V}, {@code /AP}), a first interactive form holding only such fields, validation data
 * ({@code /DSS}), extension declarations, document metadata ({@code /Metadata}) and the document information
 * dictionary, as long as nothing else in the signed revision refers to them; and any object that nothing in the
 * signed revision refers to. Anything else, including a deleted object, a signed reference to an undefined object
 * that a later revision defines, or a page, content, resource or form field changed, is a change after signing.
 */
final class LaterRevisions {

    private static final Set<COSName> CATALOG_DATA = Set.of(COSName.DSS, COSName.EXTENSIONS, COSName.METADATA);
    private static final Set<COSName> FORM_CHANGES = Set.of(COSName.FIELDS, COSName.SIG_FLAGS);
    private static final Set<COSName> FIELD_SIGNING_CHANGES = Set.of(COSName.V, COSName.AP);

    private final COSDocument before;
    private final COSDocument after;
    private final Map<COSObjectKey, Long> beforeXref;
    private final Map<COSObjectKey, Long> afterXref;
    private final Set<COSObjectKey> handled = new HashSet<>();
    private final CosEquality cos;
    private CosReferences references;

    private LaterRevisions(COSDocument before, COSDocument after, long fileLength) {
        this.before = before;
        this.after = after;
        this.cos = new CosEquality(2 * fileLength + (1L << 20));
        this.beforeXref = before.getXrefTable();
        this.afterXref = after.getXrefTable();
    }

    /**
     * The first change the later revisions make that signing does not, in words; empty when there is none.
     *
     * @param signed the revision the signature covers
     * @param current the whole document, with its later revisions
     * @param fileLength the length of the whole file, which bounds the stream bytes compared (twice that, in all)
     * @param noChangeAllowed the signature certifies the document with no change allowed (DocMDP P=1)
     */
    static Optional<String> disallowedChange(COSDocument signed, COSDocument current, long fileLength,
                                             boolean noChangeAllowed) throws IOException {
        LaterRevisions revisions = new LaterRevisions(signed, current, fileLength);
        if (noChangeAllowed) {
            return revisions.anyChange() ? Optional.of("the signature certifies the document with no change allowed"
                    + " (DocMDP P=1), and a later revision changes it") : Optional.empty();
        }
        return revisions.firstDisallowedChange();
    }

    /** Whether a later revision defines any object anew. */
    private boolean anyChange() throws IOException {
        for (COSObjectKey key : afterXref.keySet()) {
            if (!beforeXref.containsKey(key) || (moved(key) && !cos.equal(old(key), now(key)))) {
                return true;
            }
        }
        return !beforeXref.keySet().equals(afterXref.keySet());
    }

    private Optional<String> firstDisallowedChange() throws IOException {
        for (COSObjectKey key : sorted(beforeXref.keySet())) {
            if (!afterXref.containsKey(key)) {
                return Optional.of("object " + name(key) + " of the signed revision is deleted");
            }
        }
        references = CosReferences.of(before);
        for (COSObjectKey key : sorted(references.undefined())) {
            if (afterXref.containsKey(key)) {
                return Optional.of("object " + name(key) + ", referred to but undefined when signed, is defined later");
            }
        }
        COSDictionary trailerBefore = before.getTrailer();
        COSDictionary trailerAfter = after.getTrailer();
        if (!cos.equal(trailerBefore.getItem(COSName.ENCRYPT), trailerAfter.getItem(COSName.ENCRYPT))) {
            return Optional.of("the encryption of the document changed");
        }
        Optional<String> catalog = catalog(trailerBefore.getItem(COSName.ROOT), trailerAfter.getItem(COSName.ROOT));
        if (catalog.isPresent()) {
            return catalog;
        }
        COSObjectKey info = key(trailerBefore.getItem(COSName.INFO));
        for (COSObjectKey key : sorted(afterXref.keySet())) {
            if (handled.contains(key) || !beforeXref.containsKey(key) || !moved(key)) {
                continue;
            }
            COSBase old = old(key);
            COSBase now = now(key);
            if (!cos.equal(old, now)) {
                Optional<String> change = changedObject(key, old, now, key.equals(info));
                if (change.isPresent()) {
                    return change;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a later revision points the object elsewhere (directly, or by changing its object stream). */
    private boolean moved(COSObjectKey key) {
        Long location = afterXref.get(key);
        if (!Objects.equals(location, beforeXref.get(key))) {
            return true;
        }
        if (location != null && location < 0) {
            COSObjectKey objectStream = new COSObjectKey(-location, 0);
            return !Objects.equals(afterXref.get(objectStream), beforeXref.get(objectStream));
        }
        return false;
    }

    private Optional<String> changedObject(COSObjectKey key, COSBase old, COSBase now, boolean isInfo)
            throws IOException {
        List<CosReferences.Referrer> referrers = references.referrers(key);
        if (isInfo && referrers.isEmpty() && now instanceof COSDictionary && !(now instanceof COSStream)) {
            return Optional.empty();
        }
        if (referrers.size() == 1 && isCatalog(referrers.get(0).from())
                && CATALOG_DATA.contains(referrers.get(0).key())) {
            return Optional.empty();
        }
        if (old instanceof COSDictionary page && !(old instanceof COSStream)
                && COSName.PAGE.equals(page.getCOSName(COSName.TYPE))) {
            return now instanceof COSDictionary newPage ? page(page, newPage) : changed(key, old);
        }
        if (old instanceof COSArray annotations && !referrers.isEmpty()
                && referrers.stream().allMatch(r -> COSName.ANNOTS.equals(r.key()) && isPage(r.from()))) {
            return now instanceof COSArray newAnnotations
                    ? appendedOnly(annotations, newAnnotations, false, "the annotations of a page")
                    : changed(key, old);
        }
        if (old instanceof COSDictionary field && now instanceof COSDictionary signed
                && unsignedSignatureField(field) != null) {
            return fieldBeingSigned(key, field, signed);
        }
        return changed(key, old);
    }

    /** The catalog may gain or change its form (signature fields only), validation data, extensions, metadata. */
    private Optional<String> catalog(COSBase oldRoot, COSBase newRoot) throws IOException {
        markHandled(oldRoot);
        markHandled(newRoot);
        if (!(resolve(oldRoot) instanceof COSDictionary old) || !(resolve(newRoot) instanceof COSDictionary now)) {
            return Optional.of("the document catalog changed");
        }
        Optional<String> entries = sameExcept(old, now, union(CATALOG_DATA, Set.of(COSName.ACRO_FORM)),
                "the document catalog");
        if (entries.isPresent()) {
            return entries;
        }
        return form(old.getItem(COSName.ACRO_FORM), now.getItem(COSName.ACRO_FORM));
    }

    /** The form may gain signature fields (and its signature flags); a form created later holds only those. */
    private Optional<String> form(COSBase oldItem, COSBase newItem) throws IOException {
        markHandledIfSame(oldItem, newItem);
        COSBase oldForm = resolve(oldItem);
        COSBase newForm = resolve(newItem);
        if (newForm == null || newForm instanceof COSNull) {
            return oldForm instanceof COSDictionary ? Optional.of("the interactive form was removed")
                    : Optional.empty();
        }
        if (!(newForm instanceof COSDictionary now) || now instanceof COSStream) {
            return Optional.of("the interactive form is not a dictionary");
        }
        if (!(oldForm instanceof COSDictionary old)) {
            if (now.containsKey(COSName.XFA) || COSBoolean.TRUE.equals(now.getDictionaryObject(
                    COSName.NEED_APPEARANCES))) {
                return Optional.of("an interactive form added later carries XFA or asks for appearances to be made");
            }
            return appendedOnly(new COSArray(), fields(now), true, "the fields of the form");
        }
        Optional<String> entries = sameExcept(old, now, FORM_CHANGES, "the interactive form");
        if (entries.isPresent()) {
            return entries;
        }
        markHandledIfSame(old.getItem(COSName.FIELDS), now.getItem(COSName.FIELDS));
        return appendedOnly(fields(old), fields(now), true, "the fields of the form");
    }

    /** A page may gain signature widgets in its annotations, nothing else. */
    private Optional<String> page(COSDictionary old, COSDictionary now) throws IOException {
        Optional<String> entries = sameExcept(old, now, Set.of(COSName.ANNOTS), "a page");
        if (entries.isPresent()) {
            return entries;
        }
        markHandledIfSame(old.getItem(COSName.ANNOTS), now.getItem(COSName.ANNOTS));
        return appendedOnly(array(old.getDictionaryObject(COSName.ANNOTS)),
                array(now.getDictionaryObject(COSName.ANNOTS)), false, "the annotations of a page");
    }

    /** An unsigned signature field of the signed revision may get its signature and appearance. */
    private Optional<String> fieldBeingSigned(COSObjectKey key, COSDictionary old, COSDictionary now)
            throws IOException {
        Optional<String> entries = sameExcept(old, now, FIELD_SIGNING_CHANGES, "signature field " + name(key));
        if (entries.isPresent()) {
            return entries;
        }
        COSDictionary field = now.containsKey(COSName.FT) ? now : parent(now);
        return field != null && hasSignature(field) ? Optional.empty()
                : Optional.of("signature field " + name(key) + " changed without being signed");
    }

    /**
     * The old entries are kept, in order, and each entry added is a new object: a signature field that carries its
     * signature, or (for annotations) the widget of one.
     */
    private Optional<String> appendedOnly(COSArray old, COSArray now, boolean fields, String what)
            throws IOException {
        if (now.size() < old.size()) {
            return Optional.of(what + " lost entries");
        }
        for (int i = 0; i < old.size(); i++) {
            if (!cos.equal(old.get(i), now.get(i))) {
                return Optional.of(what + " changed");
            }
        }
        for (int i = old.size(); i < now.size(); i++) {
            COSBase entry = now.get(i);
            COSObjectKey key = key(entry);
            if (key == null || beforeXref.containsKey(key)) {
                return Optional.of(what + " gained an entry that is not a new object");
            }
            if (!(resolve(entry) instanceof COSDictionary added) || !isSignedSignatureField(added, fields)) {
                return Optional.of(what + " gained object " + name(key) + ", which is not a signed signature "
                        + (fields ? "field" : "field's widget"));
            }
        }
        return Optional.empty();
    }

    private boolean isSignedSignatureField(COSDictionary added, boolean asField) {
        if (COSName.SIG.equals(added.getCOSName(COSName.FT))) {
            return hasSignature(added);
        }
        if (asField || !COSName.WIDGET.equals(added.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSDictionary parent = parent(added);
        return parent != null && COSName.SIG.equals(parent.getCOSName(COSName.FT)) && hasSignature(parent);
    }

    /**
     * The field carries a signature made after the signed revision: a signature dictionary that is not an object of
     * that revision. (An earlier signature given to a new field would lend its validity to the field's appearance;
     * one copied into a new object is not part of the revision its byte range covers, and is refused as such.)
     */
    private boolean hasSignature(COSDictionary field) {
        COSBase value = field.getItem(COSName.V);
        COSObjectKey key = key(value);
        return (key == null || !beforeXref.containsKey(key)) && resolve(value) instanceof COSDictionary signature
                && signature.containsKey(COSName.BYTERANGE) && signature.containsKey(COSName.CONTENTS);
    }

    /** The signature field (itself, or the parent of its widget) when it is one without a signature; else null. */
    private static COSDictionary unsignedSignatureField(COSDictionary object) {
        COSDictionary field = object.containsKey(COSName.FT) ? object : parent(object);
        if (field == null || !COSName.SIG.equals(field.getCOSName(COSName.FT)) || field.containsKey(COSName.V)) {
            return null;
        }
        return field;
    }

    private static COSDictionary parent(COSDictionary widget) {
        return widget.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent
                && !(parent instanceof COSStream) ? parent : null;
    }

    /** Every entry but the allowed ones is the same in both. */
    private Optional<String> sameExcept(COSDictionary old, COSDictionary now, Set<COSName> allowed,
                                               String what) throws IOException {
        for (COSName key : union(old.keySet(), now.keySet())) {
            if (!allowed.contains(key) && !cos.equal(old.getItem(key), now.getItem(key))) {
                return Optional.of(what + " changed (/" + key.getName() + ")");
            }
        }
        return Optional.empty();
    }

    private boolean isCatalog(COSObjectKey key) {
        return key.equals(key(before.getTrailer().getItem(COSName.ROOT)));
    }

    private boolean isPage(COSObjectKey key) {
        return old(key) instanceof COSDictionary page && COSName.PAGE.equals(page.getCOSName(COSName.TYPE));
    }

    private COSBase old(COSObjectKey key) {
        return before.getObjectFromPool(key).getObject();
    }

    private COSBase now(COSObjectKey key) {
        return after.getObjectFromPool(key).getObject();
    }

    private void markHandled(COSBase item) {
        COSObjectKey key = key(item);
        if (key != null) {
            handled.add(key);
        }
    }

    private void markHandledIfSame(COSBase oldItem, COSBase newItem) {
        COSObjectKey key = key(oldItem);
        if (key != null && key.equals(key(newItem))) {
            handled.add(key);
        }
    }

    private static COSArray fields(COSDictionary form) {
        return array(form.getDictionaryObject(COSName.FIELDS));
    }

    private static COSArray array(COSBase value) {
        return value instanceof COSArray array ? array : new COSArray();
    }

    private static COSBase resolve(COSBase value) {
        return value instanceof COSObject reference ? reference.getObject() : value;
    }

    private static COSObjectKey key(COSBase value) {
        return value instanceof COSObject reference ? reference.getKey() : null;
    }

    private static Optional<String> changed(COSObjectKey key, COSBase old) {
        return Optional.of("object " + name(key) + " (" + kind(old) + ") changed");
    }

    private static String kind(COSBase value) {
        if (value instanceof COSStream stream) {
            COSName type = stream.getCOSName(COSName.TYPE);
            return type == null ? "a stream" : "a /" + type.getName() + " stream";
        }
        if (value instanceof COSDictionary dictionary) {
            COSName type = dictionary.getCOSName(COSName.TYPE);
            return type == null ? "a dictionary" : "a /" + type.getName() + " dictionary";
        }
        return value instanceof COSArray ? "an array" : "a value";
    }

    private static String name(COSObjectKey key) {
        return key.getNumber() + " " + key.getGeneration();
    }

    private static List<COSObjectKey> sorted(Set<COSObjectKey> keys) {
        return keys.stream().sorted(Comparator.comparingLong(COSObjectKey::getNumber)
                .thenComparingInt(COSObjectKey::getGeneration)).toList();
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
