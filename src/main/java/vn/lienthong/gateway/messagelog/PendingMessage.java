package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;

/**
 * What a delivery worker needs to know about a message before sending it: its state, dossier or document and place
 * in order.
 */
public record PendingMessage(String messageId, MessageState state, String dossierCode, String documentId,
                             String destination, long seq, OffsetDateTime nextAttemptAt) {
}
