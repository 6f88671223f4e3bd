package vn.lienthong.gateway.document;

import java.time.OffsetDateTime;
import vn.lienthong.gateway.vdxp.VdxpMessageType;

/**
 * One item the axis gave a recipient organ of this gateway, as it was taken in: what identifies it (see
 * {@link ReceiptKey}), the axis's receiver doc id, the gateway message that carries it to the local system, when it
 * was taken, the verdict on its signature, and, for a document, the status message 01 (arrived) queued back to its
 * sender (null until then).
 */
public record Receipt(String receiptKey, VdxpMessageType type, String toOrgan, String fromOrgan, String documentId,
                      String statusCode, String axisDocId, String messageId, OffsetDateTime receivedAt,
                      ReceiptVerdict verdict, String arrivalMessageId) {
}
