package vn.lienthong.gateway.messagelog;

/**
 * A message accepted at the edge, before it is stored: what it is, which way it goes and by which channel it came, for
 * whom, from whom, and its payload.
 */
public record NewMessage(String messageId, String kind, Direction direction, Channel channel, String dossierCode,
                         String documentId, String agencyCode, String destination, String clientId,
                         String remoteAddress, byte[] payload) {
}
