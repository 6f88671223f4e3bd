package vn.lienthong.gateway.document;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;

/**
 * What makes two items of the axis the same item for one recipient organ, as a SHA-256: for a document the sender
 * organ and its DocumentId; for a status message the sender organ, the document it is about, its status code and its
 * time. The recipient is part of it, so a document sent to two organs of this gateway reaches both.
 */
final class ReceiptKey {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private ReceiptKey() {
    }

    static String of(String toOrgan, EdocDocument document) {
        return hash(String.join("\n", "edoc", toOrgan, document.from().organId(), document.documentId().value()));
    }

    static String of(String toOrgan, EdocStatus status) {
        return hash(String.join("\n", "status", toOrgan, status.from().organId(), status.responseFor().documentId(),
                status.statusCode().code(), TIME.format(status.timestamp())));
    }

    private static String hash(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
