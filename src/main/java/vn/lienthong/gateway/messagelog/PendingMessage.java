package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;

/**
 * What a delivery worker needs to know about a message before sending it: its state, what it is about (a dossier, or a
 * document and agency) and its place in order.
 */
public record PendingMessage(String messageId, MessageState state, String dossierCode, String documentId,
                             String agencyCode, String destination, long seq, OffsetDateTime nextAttemptAt) {
}
