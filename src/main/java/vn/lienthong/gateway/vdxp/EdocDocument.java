package vn.lienthong.gateway.vdxp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An official document as edXML carries it: sender, recipients (at least one), code, promulgation, type, subject,
 * content, signer, due date, other information, the documents it replies to, steering type, places it goes to,
 * trace, and attachments. Optional parts are null and lists are never null. Its {@link #documentId() DocumentId} is
 * derived from sender, promulgation day and code, never stored beside them.
 */
public record EdocDocument(Organ from, List<Organ> to, DocumentCode code, Promulgation promulgation,
                           DocumentType type, String subject, String content, SignerInfo signer, LocalDate dueDate,
                           OtherInfo otherInfo, List<ResponseFor> responseFor, Integer steeringType,
                           List<String> toPlaces, TraceInfo trace, List<EdocAttachment> attachments)
        implements EdxmlMessage {

    public EdocDocument {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(promulgation, "promulgation");
        Objects.requireNonNull(promulgation.date(), "promulgation.date");
        Objects.requireNonNull(type, "type");
        to = to == null ? List.of() : List.copyOf(to);
        responseFor = responseFor == null ? List.of() : List.copyOf(responseFor);
        toPlaces = toPlaces == null ? List.of() : List.copyOf(toPlaces);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** {@code {from.organId},{yyyy/MM/dd of promulgation},{number}/{notation}}. */
    public DocumentId documentId() {
        return DocumentId.of(from.organId(), promulgation.date(), code);
    }

    /** The priority of {@code OtherInfo}, 0 (normal) when not given. */
    public int priority() {
        return otherInfo == null || otherInfo.priority() == null ? 0 : otherInfo.priority();
    }
}
