package vn.lienthong.gateway.document;

/**
 * A status message a local system reports about a document one of its organs received: the document, the organ that
 * reports, the organ it goes to (the document's sender) and the two-digit status code.
 */
public record OutgoingStatus(String documentId, String fromOrgan, String toOrgan, String statusCode) {
}
