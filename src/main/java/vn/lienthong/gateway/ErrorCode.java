package vn.lienthong.gateway;

/** The stable error codes of the gateway's API; each name is the {@code code} value clients see. */
public enum ErrorCode {
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    API_KEY_INVALID(401, "API key not recognised"),
    CLIENT_CERTIFICATE_REQUIRED(401, "Client certificate required"),
    CLIENT_CERTIFICATE_INVALID(401, "Client certificate not valid"),
    CLIENT_CERTIFICATE_UNKNOWN(401, "Client certificate not registered"),
    FORBIDDEN(403, "Not allowed for this client"),
    AGENCY_NOT_ALLOWED(403, "Client may not act for this agency"),
    OPERATION_NOT_ALLOWED(403, "Client may not call this operation"),
    DESTINATION_NOT_ALLOWED(403, "Client may not send to this destination"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    JSON_MALFORMED(400, "Malformed JSON"),
    JSON_LIMIT_EXCEEDED(400, "JSON exceeds a structural limit"),
    XML_MALFORMED(400, "Malformed or forbidden XML"),
    XML_LIMIT_EXCEEDED(400, "XML exceeds a structural limit"),
    ATTACHMENT_REFUSED(400, "Attachment refused"),
    DOSSIER_INVALID(400, "Dossier invalid"),
    EDXML_INVALID(400, "edXML invalid"),
    DOCUMENT_INVALID(400, "Official document invalid"),
    PATH_PARAMETER_INVALID(400, "Path parameter invalid"),
    IDEMPOTENCY_KEY_INVALID(400, "Idempotency key invalid"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key already used with another body"),
    IDEMPOTENCY_KEY_IN_USE(409, "Idempotency key in use by a request still in progress"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many requests"),
    SERVICE_UNAVAILABLE(503, "Gateway cannot guarantee the message now"),
    REQUEST_REFUSED(400, "Request refused"),
    QUERY_PARAMETER_INVALID(400, "Query parameter invalid"),
    REASON_REQUIRED(400, "A reason is required"),
    MESSAGE_NOT_DEAD_LETTERED(409, "Message is not dead-lettered"),
    PROGRESS_INVALID(400, "Progress step invalid"),
    DOSSIER_UNKNOWN(404, "Dossier not known to the gateway"),
    STATUS_TRANSITION_ILLEGAL(409, "Status transition not allowed"),
    DOSSIER_NOT_ROUTED(422, "No routing rule sends this dossier anywhere"),
    CHAIN_NOT_FOUND(404, "Dossier started no chain"),
    CHAIN_LEG_NOT_FOUND(404, "Chain has no such leg"),
    CHAIN_LEG_NOT_DELIVERED(409, "Chain leg not delivered or already acknowledged"),
    PAYLOAD_UNREADABLE(500, "Stored payload cannot be read"),
    PAYLOAD_ARCHIVED(410, "Payload archived and purged from the store"),
    LOG_ARCHIVED(410, "Entries archived and purged from the store"),
    SIGNATURE_REQUEST_INVALID(400, "Signature verification request invalid"),
    SIGNATURE_INVALID(422, "Signature not valid"),
    SIGNATURE_INDETERMINATE(503, "Signature cannot be decided now"),
    DOCUMENT_ID_IN_USE(409, "Another accepted document has this document id"),
    DOCUMENT_STATUS_INVALID(400, "Document status invalid"),
    MESSAGE_LOG_ALTERED(500, "The message log in the store was altered; run the verification"),
    CHECKPOINT_NOT_FOUND(404, "No signed checkpoint of that size"),
    EXPORT_IN_PROGRESS(429, "Another export is being written"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
