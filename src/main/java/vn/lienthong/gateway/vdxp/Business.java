package vn.lienthong.gateway.vdxp;

import java.util.List;

/**
 * The business part of the trace ({@code Bussiness}, spelled so in edXML): the document concerned, what this document
 * does to it ({@link BusinessDocType}), why, whether a paper copy follows, and for updates and replacements the parts
 * changed, the receivers and the documents replaced. Everything but the document id and the type may be null; the
 * list is never null.
 */
public record Business(String documentId, BusinessDocType type, String reason, Integer paper,
                       BusinessDocumentInfo documentInfo, List<Replacement> replacements, StaffInfo staff) {

    public Business {
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
    }

    /** The business part of a new document. */
    public static Business newDocument(DocumentId documentId, StaffInfo staff) {
        return new Business(documentId.value(), BusinessDocType.NEW, BusinessDocType.NEW.vietnamese(), 0, null,
                List.of(), staff);
    }
}
