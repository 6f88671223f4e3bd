package vn.lienthong.gateway;

/** Names of the exchange properties and queue headers the gateway sets itself; none can come from a client. */
public final class ExchangeKeys {

    /** Exchange property: the authenticated {@code ClientIdentity}. */
    public static final String CLIENT = "lienthongClient";
    /** Exchange property: the caller's remote address. */
    public static final String REMOTE_ADDRESS = "lienthongRemoteAddress";
    /** Exchange property: the {@code Transport} the request came by (which port, which client certificate). */
    public static final String TRANSPORT = "lienthongTransport";
    /** Exchange property: the path of the HTTP request (without the query string). */
    public static final String REQUEST_PATH = "lienthongRequestPath";
    /** Exchange property: the allow-listed query parameters of the request, a {@code Map<String, String>}. */
    public static final String QUERY = "lienthongQuery";
    /** Exchange property: the request body exactly as received. */
    public static final String RAW_BODY = "lienthongRawBody";
    /** Exchange property: the request body as text, decoded strictly as UTF-8. */
    public static final String JSON_TEXT = "lienthongJsonText";
    /** Exchange property: the parsed request body. */
    public static final String JSON = "lienthongJson";
    /** Exchange property: the validated dossier. */
    public static final String DOSSIER = "lienthongDossier";
    /** Exchange property: the validated {@code Progress} step. */
    public static final String PROGRESS = "lienthongProgress";
    /** Exchange property: the validated official document ({@code OutgoingDocument}). */
    public static final String DOCUMENT = "lienthongDocument";
    /** Exchange property: the validated status message about a document ({@code OutgoingStatus}). */
    public static final String DOCUMENT_STATUS = "lienthongDocumentStatus";
    /** Exchange property: the platform record built from the canonical message. */
    public static final String PLATFORM_RECORD = "lienthongPlatformRecord";
    /** Exchange property: the LGSP service path a chain leg is sent to. */
    public static final String LGSP_SERVICE_PATH = "lienthongLgspServicePath";

    /** Exchange property: the destinations the routing rules chose for the message, a {@code List<String>}. */
    public static final String DESTINATIONS = "lienthongDestinations";
    /**
     * Exchange property: the messages a request stored, one per destination, as the {@code DeliveryQueues.Envelope}s
     * they are queued with (a {@code List}); the body is their common payload.
     */
    public static final String OUTBOUND = "lienthongOutbound";

    /** Exchange property: true when the request repeats an idempotency key and gets the first answer again. */
    public static final String IDEMPOTENT_REPLAY = "lienthongIdempotentReplay";

    /** Queue header: the gateway's message id. */
    public static final String MESSAGE_ID = "lienthongMessageId";
    /** Queue header: the kind of message, e.g. {@code DOSSIER}. */
    public static final String KIND = "lienthongKind";
    /** Queue header: the agency the message is from. */
    public static final String AGENCY_CODE = "lienthongAgencyCode";
    /** Queue header: the client system that submitted the message. */
    public static final String CLIENT_ID = "lienthongClientId";
    /** Queue header: the dossier code the message is about. */
    public static final String DOSSIER_CODE = "lienthongDossierCode";
    /** Queue header (and exchange property): the edXML document id the message is about. */
    public static final String DOCUMENT_ID = "lienthongDocumentId";
    /** Queue header: the destination platform. */
    public static final String DESTINATION = "lienthongDestination";

    private ExchangeKeys() {
    }
}
