package vn.lienthong.gateway.messagelog;

/** A message accepted at the edge, before it is stored: what it is, for whom, from whom, and its payload. */
public record NewMessage(String messageId, String kind, String dossierCode, String agencyCode, String destination,
                         String clientId, String remoteAddress, byte[] payload) {
}
