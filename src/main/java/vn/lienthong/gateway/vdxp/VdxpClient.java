package vn.lienthong.gateway.vdxp;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RetryAfterHeader;

/**
 * Speaks the VDXP adapter contract (docs/vdxp-adapter.md): every operation with its headers, a fresh timestamp and the
 * HMAC of the canonical string, bounded replies read as a stream, and every failure a classified
 * {@link PlatformDeliveryException} (transient: unreachable, timeouts, 5xx, 408, 429, an unreadable reply, a refused
 * timestamp or an injected fault; permanent: the axis refused the request itself). The secret is never logged.
 */
@Component
public class VdxpClient {

    static final Pattern ORGAN_ID = Pattern.compile("^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)+$");
    private static final Pattern DOC_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final int MAX_LIST_ITEMS = 10_000;
    private static final int MAX_REASON_LENGTH = 300;
    /** Adapter error codes that a later attempt may not meet: the timestamp window and an injected fault. */
    private static final List<String> TRANSIENT_ERROR_CODES = List.of("103", "900");

    private final VdxpEndpoint endpoint;
    private final VdxpRequestSigner signer;
    private final VdxpAxisProperties settings;
    private final ObjectMapper json;
    private final JsonFactory jsonFactory;
    private final HttpClient http;

    VdxpClient(VdxpAxisProperties settings, VdxpEndpoint endpoint, ObjectMapper json, Clock clock) {
        if (settings.getSystemId() == null || settings.getSecret() == null) {
            throw new IllegalStateException("Settings lienthong.vdxp.system-id and lienthong.vdxp.secret are required");
        }
        this.settings = settings;
        this.endpoint = endpoint;
        this.signer = new VdxpRequestSigner(settings.getSystemId(), settings.getSecret(), clock);
        this.json = json;
        this.jsonFactory = json.getFactory();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one edXML file (a document or a status message) from an organ of this system to the given organs, and
     * answers the axis id of the sent item (the sender doc id). The body is sent as it is, never copied.
     */
    public String sendEdoc(String from, List<String> to, VdxpMessageType type, byte[] edxml) {
        requireOrgan(from, "from");
        if (to.isEmpty() || to.size() > 100 || to.stream().distinct().count() != to.size()) {
            throw PlatformDeliveryException.permanentFailure(null,
                    "VDXP sendEdoc needs 1 to 100 distinct recipient organ codes");
        }
        to.forEach(organ -> requireOrgan(organ, "to"));
        VdxpRequest request = VdxpRequest.of(VdxpOperation.SEND_EDOC).withFrom(from).withTo(to)
                .withMessageType(type, true).withHashFile(sha256Hex(edxml));
        Reply reply = call(request, HttpRequest.BodyPublishers.ofByteArray(edxml), "application/octet-stream",
                false);
        if (reply.docId() == null || !DOC_ID.matcher(reply.docId()).matches()) {
            throw PlatformDeliveryException.transientFailure(reply.status(),
                    "VDXP sendEdoc answered success without a usable DocId; not taken as a confirmation", null, null);
        }
        return reply.docId();
    }

    /** The items of one message type waiting on the axis for this system's organs, oldest first. */
    public List<VdxpReceivedItem> getReceivedEdocList(VdxpMessageType type) {
        Reply reply = call(VdxpRequest.of(VdxpOperation.GET_RECEIVED_EDOC_LIST).withMessageType(type, true));
        List<VdxpReceivedItem> items = new ArrayList<>();
        for (JsonNode item : reply.items()) {
            items.add(new VdxpReceivedItem(text(item, "docId"), VdxpMessageType.fromHeader(text(item, "messageType")),
                    text(item, "from"), text(item, "to"), text(item, "created_time"), text(item, "updated_time"),
                    text(item, "status"), text(item, "status_desc")));
        }
        return items;
    }

    /** The edXML of one received item exactly as its sender sent it. */
    public byte[] getEdoc(String docId) {
        requireDocId(docId);
        Reply reply = call(VdxpRequest.of(VdxpOperation.GET_EDOC).withDocId(docId), HttpRequest.BodyPublishers.noBody(),
                "application/json", true);
        if (reply.data() == null) {
            throw PlatformDeliveryException.transientFailure(reply.status(),
                    "VDXP getEdoc answered success without the edXML in data", null, null);
        }
        return reply.data();
    }

    /** Confirms one received item: {@code done} once it is taken in, {@code fail} when it cannot be. */
    public void updateStatus(String docId, VdxpReceiptStatus status) {
        requireDocId(docId);
        call(VdxpRequest.of(VdxpOperation.UPDATE_STATUS).withDocId(docId).withStatus(status));
    }

    /** One row per (sent item, recipient) of this system's organs, newest first, narrowed by the query. */
    public List<VdxpSentItem> getSentEdocList(VdxpSentQuery query) {
        VdxpRequest request = VdxpRequest.of(VdxpOperation.GET_SENT_EDOC_LIST);
        if (query.from() != null) {
            requireOrgan(query.from(), "from");
            request = request.withFrom(query.from());
        }
        if (query.messageType() != null) {
            request = request.withMessageType(query.messageType(), false);
        }
        if (query.senderDocId() != null) {
            requireDocId(query.senderDocId());
            request = request.withDocId(query.senderDocId());
        }
        Reply reply = call(request);
        List<VdxpSentItem> items = new ArrayList<>();
        for (JsonNode item : reply.items()) {
            items.add(new VdxpSentItem(text(item, "senderDocId"), text(item, "receiverDocId"), text(item, "fromCode"),
                    text(item, "toCode"), VdxpMessageType.fromHeader(text(item, "messageType")), text(item, "title"),
                    text(item, "notation"), text(item, "sentTime"), text(item, "receivedTime"),
                    text(item, "sendStatus"), text(item, "sendStatusDesc"), text(item, "receiveStatus"),
                    text(item, "receiveStatusDesc")));
        }
        return items;
    }

    /** The organ codes this system sends and receives for ({@code lienthong.vdxp.organ-ids}). */
    public List<String> organIds() {
        return List.copyOf(settings.getOrganIds());
    }

    private Reply call(VdxpRequest request) {
        return call(request, HttpRequest.BodyPublishers.noBody(), "application/json", false);
    }

    private Reply call(VdxpRequest request, HttpRequest.BodyPublisher body, String contentType, boolean binaryData) {
        String operation = request.operation().path();
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.operation(request.operation()))
                .timeout(settings.getRequestTimeout())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(body);
        signer.headers(request).forEach(builder::header);
        Reply reply;
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            Duration retryAfter = RetryAfterHeader.of(response);
            try (InputStream in = response.body()) {
                reply = read(operation, response.statusCode(), retryAfter, in, binaryData);
            }
        } catch (IOException e) {
            throw PlatformDeliveryException.transientFailure(null,
                    "VDXP " + operation + " unreachable: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformDeliveryException.transientFailure(null, "Interrupted while calling VDXP " + operation,
                    null, e);
        }
        if (reply.succeeded()) {
            return reply;
        }
        String reason = "VDXP " + operation + " failed (HTTP " + reply.status() + ")" + reply.describeError();
        if (reply.status() / 100 != 2) {
            throw PlatformDeliveryException.forStatus(reply.status(), reason, reply.retryAfter());
        }
        if (reply.errorCode() == null || TRANSIENT_ERROR_CODES.contains(reply.errorCode())) {
            throw PlatformDeliveryException.transientFailure(reply.status(), reason, reply.retryAfter(), null);
        }
        throw PlatformDeliveryException.permanentFailure(reply.status(), reason);
    }

    /** Reads the reply object as a stream: the small fields as text, {@code data} as items or as decoded bytes. */
    private Reply read(String operation, int status, Duration retryAfter, InputStream body, boolean binaryData)
            throws IOException {
        Reply reply = new Reply(status, retryAfter);
        long limit = settings.getMaxReplySize().toBytes();
        try (JsonParser parser = jsonFactory.createParser(new BoundedInputStream(body, limit))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return reply;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "ErrorCode" -> reply.errorCode = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "ErrorDesc" -> reply.errorDesc = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "DocId" -> reply.docId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "data" -> readData(parser, value, reply, binaryData);
                    default -> parser.skipChildren();
                }
            }
        } catch (BoundedInputStream.SizeExceeded e) {
            throw PlatformDeliveryException.permanentFailure(status, "VDXP " + operation
                    + " answered more than lienthong.vdxp.max-reply-size (" + limit + " bytes)");
        } catch (IOException e) {
            reply.unreadable = true;
        }
        return reply;
    }

    private void readData(JsonParser parser, JsonToken value, Reply reply, boolean binaryData) throws IOException {
        if (binaryData && value == JsonToken.VALUE_STRING) {
            reply.data = parser.getBinaryValue();
        } else if (value == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = json.readTree(parser);
                if (reply.items.size() < MAX_LIST_ITEMS && item.isObject()) {
                    reply.items.add(item);
                }
            }
        } else {
            parser.skipChildren();
        }
    }

    private static void requireOrgan(String organId, String header) {
        if (organId == null || organId.length() > 40 || !ORGAN_ID.matcher(organId).matches()) {
            throw PlatformDeliveryException.permanentFailure(null,
                    "VDXP header " + header + " needs an organ code such as 000.00.17.H56");
        }
    }

    private static void requireDocId(String docId) {
        if (docId == null || !DOC_ID.matcher(docId).matches()) {
            throw PlatformDeliveryException.permanentFailure(null,
                    "VDXP docid must be 1 to 200 printable ASCII characters without spaces");
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** What the adapter answered, as far as it could be read. */
    private static final class Reply {
        private final int status;
        private final Duration retryAfter;
        private final List<JsonNode> items = new ArrayList<>();
        private String errorCode;
        private String errorDesc;
        private String docId;
        private byte[] data;
        private boolean unreadable;

        Reply(int status, Duration retryAfter) {
            this.status = status;
            this.retryAfter = retryAfter;
        }

        boolean succeeded() {
            return status / 100 == 2 && !unreadable && "0".equals(errorCode);
        }

        int status() { return status; }
        Duration retryAfter() { return retryAfter; }
        String errorCode() { return errorCode; }
        String docId() { return docId; }
        byte[] data() { return data; }
        List<JsonNode> items() { return items; }

        String describeError() {
            if (unreadable || errorCode == null) {
                return "; the reply is not the adapter's JSON object";
            }
            String text = ": ErrorCode " + printable(errorCode)
                    + (errorDesc == null || errorDesc.isBlank() ? "" : " (" + printable(errorDesc) + ")");
            return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
        }

        private static String printable(String value) {
            return value.codePoints().filter(c -> !Character.isISOControl(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
    }
}
