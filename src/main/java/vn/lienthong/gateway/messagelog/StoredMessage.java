package vn.lienthong.gateway.messagelog;

/** A stored message with its payload, as it is sent to a queue again when an administrator replays it. */
public record StoredMessage(String messageId, String kind, String dossierCode, String documentId, String agencyCode,
                            String destination, String clientId, MessageState state, byte[] payload) {
}
