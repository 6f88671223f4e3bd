package vn.lienthong.gateway.document;

import java.util.List;

import vn.lienthong.gateway.vdxp.EdocDocument;

/** A document a local system posted, read and checked: the edXML model and the signatures its attachments came with. */
public record OutgoingDocument(EdocDocument document, List<AttachmentSignature> signatures) {

    public OutgoingDocument {
        signatures = List.copyOf(signatures);
    }

    /** The edXML document id, {@code {organId},{yyyy/MM/dd},{number}/{notation}}. */
    public String documentId() {
        return document.documentId().value();
    }
}
