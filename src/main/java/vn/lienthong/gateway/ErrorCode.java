package vn.lienthong.gateway;

/** The stable error codes of the gateway's API; each name is the {@code code} value clients see. */
public enum ErrorCode {
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    API_KEY_INVALID(401, "API key not recognised"),
    FORBIDDEN(403, "Not allowed for this client"),
    AGENCY_NOT_ALLOWED(403, "Client may not act for this agency"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    JSON_MALFORMED(400, "Malformed JSON"),
    JSON_LIMIT_EXCEEDED(400, "JSON exceeds a structural limit"),
    DOSSIER_INVALID(400, "Dossier invalid"),
    PATH_PARAMETER_INVALID(400, "Path parameter invalid"),
    IDEMPOTENCY_KEY_INVALID(400, "Idempotency key invalid"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key already used with another body"),
    IDEMPOTENCY_KEY_IN_USE(409, "Idempotency key in use by a request still in progress"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    SERVICE_UNAVAILABLE(503, "Gateway cannot guarantee the message now"),
    REQUEST_REFUSED(400, "Request refused"),
    QUERY_PARAMETER_INVALID(400, "Query parameter invalid"),
    REASON_REQUIRED(400, "A reason is required"),
    MESSAGE_NOT_DEAD_LETTERED(409, "Message is not dead-lettered"),
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
