package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * The catalogue of bad requests over REST and SOAP: each is answered with its stable status and code (a SOAP Client
 * fault carrying the code), puts nothing on any queue, stores no message, and leaves a REJECTED entry with that code
 * as its reason. Rate limits are in {@link RateLimitTest}; client certificates on the mutual-TLS port in their own test.
 * The second table: names of Camel's and CXF's headers sent as headers and as query parameters with a good dossier
 * steer nothing: the dossier goes to the DVCQG queue as any other.
 */
class BadInputCatalogueTest extends GatewayEndToEndTest {

    private static final String SOAP_ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:g=\"https://lienthong.vn/soap/gateway/v1\">";
    private static final String AUDITOR_KEY = "sandbox-auditor-key";
    /** The file a CamelFileName header would make a file endpoint write, were any route to listen to it. */
    private static final String STEERED_FILE = "lienthong-steered-" + java.util.UUID.randomUUID();

    /** One bad request: how to send it, and what the answer and the log entry must say. */
    record Bad(String name, Function<BadInputCatalogueTest, HttpResponse<String>> send, int status, String code,
               boolean soap) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> catalogue() {
        return Stream.of(
                rest("malformed JSON", t -> t.postDossier("{\"dossierCode\":"), 400, "JSON_MALFORMED"),
                rest("trailing tokens", t -> t.postDossier("{} {}"), 400, "JSON_MALFORMED"),
                rest("duplicate keys", t -> t.postDossier("{\"status\":\"NEW\",\"status\":\"DONE\"}"), 400,
                        "JSON_MALFORMED"),
                rest("invalid UTF-8", t -> t.post("/api/v1/dossiers", new byte[] {'{', '"', 'a', '"', ':', '"',
                        (byte) 0xC3, (byte) 0x28, '"', '}'}, Http.AGENCY_KEY, "application/json"), 400,
                        "JSON_MALFORMED"),
                rest("an XML body sent as JSON", t -> t.postDossier("<dossier/>"), 400, "JSON_MALFORMED"),
                rest("1,000-level nesting", t -> t.postDossier("[".repeat(1000) + "]".repeat(1000)), 400,
                        "JSON_LIMIT_EXCEEDED"),
                rest("1,000-digit number", t -> t.postDossier("{\"fees\":[{\"amount\":" + "9".repeat(1000) + "}]}"),
                        400, "JSON_LIMIT_EXCEEDED"),
                rest("20 MB string", t -> t.postDossier("{\"summary\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}"),
                        413, "PAYLOAD_TOO_LARGE"),
                rest("oversize progress body", t -> t.post("/api/v1/dossiers/000.00.17.H56-240101-0001/progress",
                        new byte[11 * 1024 * 1024], Http.AGENCY_KEY, "application/json"), 413, "PAYLOAD_TOO_LARGE"),
                rest("missing required fields", t -> t.postDossier("{}"), 400, "DOSSIER_INVALID"),
                rest("wrong types", t -> t.postDossier(with(d -> d.put("status", 5).put("receivedAt", true))), 400,
                        "DOSSIER_INVALID"),
                rest("invalid date", t -> t.postDossier(with(d -> d.put("receivedAt", "2024-02-30T08:00:00+07:00"))),
                        400, "DOSSIER_INVALID"),
                rest("bad dossier code", t -> t.postDossier(with(d -> d.put("dossierCode", "H56-1"))), 400,
                        "DOSSIER_INVALID"),
                rest("bad procedure code", t -> t.postDossier(with(d -> d.put("procedureCode", "'; DROP TABLE"))), 400,
                        "DOSSIER_INVALID"),
                rest("unknown status", t -> t.postDossier(with(d -> d.put("status", "APPROVED"))), 400,
                        "DOSSIER_INVALID"),
                rest("unknown field", t -> t.postDossier(with(d -> d.put("CamelHttpUri", "http://evil"))), 400,
                        "DOSSIER_INVALID"),
                rest("wrong content type", t -> t.post("/api/v1/dossiers", Samples.dossier().toString()
                        .getBytes(StandardCharsets.UTF_8), Http.AGENCY_KEY, "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                rest("JSON in another charset", t -> t.post("/api/v1/dossiers", "{}".getBytes(StandardCharsets.UTF_8),
                        Http.AGENCY_KEY, "application/json; charset=ISO-8859-1"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                rest("no API key", t -> t.post("/api/v1/dossiers", "{}".getBytes(StandardCharsets.UTF_8), null,
                        "application/json"), 401, "AUTHENTICATION_REQUIRED"),
                rest("wrong API key", t -> t.post("/api/v1/dossiers", "{}".getBytes(StandardCharsets.UTF_8),
                        "not-a-key", "application/json"), 401, "API_KEY_INVALID"),
                rest("an agency outside the client's rights", t -> t.postDossier(with(d -> d
                        .put("agencyCode", "000.00.00.G22").put("dossierCode", "000.00.00.G22-240101-0001"))), 403,
                        "AGENCY_NOT_ALLOWED"),
                rest("an operation outside the client's rights", t -> t.post("/api/v1/dossiers",
                        Samples.freshDossier().toString().getBytes(StandardCharsets.UTF_8), AUDITOR_KEY,
                        "application/json"), 403, "OPERATION_NOT_ALLOWED"),
                rest("an admin endpoint called by an agency system", t -> t.get("/admin/dead-letters", Http.AGENCY_KEY),
                        403, "FORBIDDEN"),
                rest("an auditor endpoint called by an agency system", t -> t.get("/audit/verify", Http.AGENCY_KEY),
                        403, "FORBIDDEN"),
                rest("an auditor endpoint called by an administrator", t -> t.get("/audit/entries", Http.ADMIN_KEY),
                        403, "FORBIDDEN"),
                rest("an admin endpoint called by an auditor", t -> t.get("/admin/dead-letters", AUDITOR_KEY), 403,
                        "FORBIDDEN"),
                rest("a malformed message id", t -> t.get("/api/v1/messages/..;etc%20passwd", Http.AGENCY_KEY), 400,
                        "PATH_PARAMETER_INVALID"),
                rest("a query parameter out of range", t -> t.get("/audit/entries?limit=0", AUDITOR_KEY), 400,
                        "QUERY_PARAMETER_INVALID"),
                rest("a malformed Idempotency-Key", t -> t.send(Http.AGENCY_KEY, "Idempotency-Key", "bad key; DROP"),
                        400, "IDEMPOTENCY_KEY_INVALID"),
                rest("a progress step that breaks the status table", t -> t.progress(syncedDossier, "RETURNED"), 409,
                        "STATUS_TRANSITION_ILLEGAL"),
                rest("a progress step for an unknown dossier", t -> t.progress(Samples.nextDossierCode(), "ACCEPTED"),
                        404, "DOSSIER_UNKNOWN"),
                rest("a progress step with an unknown status", t -> t.progress(syncedDossier, "LOST"), 400,
                        "PROGRESS_INVALID"),
                soap("SOAP: malformed XML", t -> t.soap("<soap:Envelope", Http.AGENCY_KEY), "XML_MALFORMED"),
                soap("SOAP: XXE with a file entity", t -> t.soap("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM "
                        + "\"file:///etc/passwd\">]>" + SOAP_ENVELOPE + "<soap:Body><g:GetMessageStatus><g:messageId>&x;"
                        + "</g:messageId></g:GetMessageStatus></soap:Body></soap:Envelope>", Http.AGENCY_KEY),
                        "XML_MALFORMED"),
                soap("SOAP: billion laughs", t -> t.soap("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + SOAP_ENVELOPE + "<soap:Body><g:GetMessageStatus><g:messageId>&c;</g:messageId>"
                        + "</g:GetMessageStatus></soap:Body></soap:Envelope>", Http.AGENCY_KEY), "XML_MALFORMED"),
                soap("SOAP: nesting beyond the limit", t -> t.soap(SOAP_ENVELOPE + "<soap:Body><g:SubmitDossier><g:dossier>"
                        + "<g:summary>".repeat(500) + "</g:summary>".repeat(500)
                        + "</g:dossier></g:SubmitDossier></soap:Body></soap:Envelope>", Http.AGENCY_KEY),
                        "XML_LIMIT_EXCEEDED"),
                soap("SOAP: no API key", t -> t.soap(dossierEnvelope(Samples.nextDossierCode(), "000.00.17.H56"), null),
                        "AUTHENTICATION_REQUIRED"),
                soap("SOAP: wrong API key", t -> t.soap(dossierEnvelope(Samples.nextDossierCode(), "000.00.17.H56"),
                        "not-a-key"), "API_KEY_INVALID"),
                soap("SOAP: bad dossier code", t -> t.soap(dossierEnvelope("H56-1", "000.00.17.H56"), Http.AGENCY_KEY),
                        "DOSSIER_INVALID"),
                soap("SOAP: an agency outside the client's rights", t -> t.soap(dossierEnvelope(
                        "000.00.00.G22-240101-0001", "000.00.00.G22"), Http.AGENCY_KEY), "AGENCY_NOT_ALLOWED"),
                soap("SOAP: an operation outside the client's rights", t -> t.soap(dossierEnvelope(
                        Samples.nextDossierCode(), "000.00.17.H56"), AUDITOR_KEY), "OPERATION_NOT_ALLOWED"));
    }

    /** One dossier synced through the gateway (status ACCEPTED) for the progress cases, made before counting. */
    private static String syncedDossier;

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusesWithItsCodeQueuesNothingAndRecordsTheReason(Bad bad) {
        if (syncedDossier == null) {
            ObjectNode dossier = Samples.freshDossier();
            gateway.awaitState(gateway.accept(dossier), "DELIVERED");
            syncedDossier = dossier.path("dossierCode").asText();
        }
        long messagesBefore = count("SELECT COUNT(*) FROM message");
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);
        long rejectionsBefore = count("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED'");

        HttpResponse<String> answer = bad.send().apply(this);

        if (bad.soap()) {
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>")
                    .contains("<code>" + bad.code() + "</code>").doesNotContain("\tat ").doesNotContain("root:");
        } else {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(bad.status());
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"" + bad.code() + "\"").doesNotContain("Exception");
        }
        assertThat(count("SELECT COUNT(*) FROM message")).as("messages stored").isEqualTo(messagesBefore);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).as("messages queued").isEqualTo(enqueuedBefore);
        assertThat(count("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED'")).isGreaterThan(rejectionsBefore);
        assertThat(jdbc.queryForObject("""
                SELECT reason_code FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""", String.class)).isEqualTo(bad.code());
    }

    static Stream<Arguments> steeringNames() {
        return Stream.of("CamelHttpUri=http://127.0.0.1:1/", "CAmelJmsDestinationName=lienthong.evil",
                        "CamelFileName=../../" + STEERED_FILE, "operationName=GetMessageStatus")
                .flatMap(header -> Stream.of(Arguments.of(header, "header"), Arguments.of(header, "query parameter")));
    }

    @ParameterizedTest(name = "{0} as a {1}")
    @MethodSource("steeringNames")
    void namesOfCamelHeadersSteerNothing(String nameAndValue, String sentAs) throws Exception {
        boolean asHeader = sentAs.equals("header");
        String[] parts = nameAndValue.split("=", 2);
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);
        ObjectNode dossier = Samples.freshDossier();
        String path = asHeader ? "/api/v1/dossiers" : "/api/v1/dossiers?" + parts[0] + "=" + parts[1];
        String[] headers = asHeader
                ? new String[] {"Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY, parts[0], parts[1]}
                : new String[] {"Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY};

        HttpResponse<String> answer = http.post(path, dossier.toString().getBytes(StandardCharsets.UTF_8), headers);

        assertThat(answer.statusCode()).isEqualTo(202);
        gateway.awaitState(Samples.JSON.readTree(answer.body()).path("messageId").asText(), "DELIVERED");
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueuedBefore + 1);
        assertThat(queues.messagesAdded("lienthong.evil")).isZero();
        assertThat(Path.of("..", STEERED_FILE)).doesNotExist();
        assertThat(Path.of("../..", STEERED_FILE)).doesNotExist();
    }

    private static Bad rest(String name, Function<BadInputCatalogueTest, HttpResponse<String>> send, int status,
                            String code) {
        return new Bad(name, send, status, code, false);
    }

    private static Bad soap(String name, Function<BadInputCatalogueTest, HttpResponse<String>> send, String code) {
        return new Bad(name, send, 500, code, true);
    }

    private static String with(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode dossier = Samples.freshDossier();
        change.accept(dossier);
        return dossier.toString();
    }

    private HttpResponse<String> postDossier(String json) {
        return post("/api/v1/dossiers", json.getBytes(StandardCharsets.UTF_8), Http.AGENCY_KEY, "application/json");
    }

    private HttpResponse<String> send(String apiKey, String... moreHeaders) {
        List<String> headers = new java.util.ArrayList<>(List.of("Content-Type", "application/json", "X-API-Key", apiKey));
        headers.addAll(Arrays.asList(moreHeaders));
        return http.post("/api/v1/dossiers", Samples.freshDossier().toString().getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    private HttpResponse<String> post(String path, byte[] body, String apiKey, String contentType) {
        return apiKey == null ? http.post(path, body, "Content-Type", contentType)
                : http.post(path, body, "Content-Type", contentType, "X-API-Key", apiKey);
    }

    private HttpResponse<String> get(String path, String apiKey) {
        return http.get(path, "X-API-Key", apiKey);
    }

    private HttpResponse<String> progress(String dossierCode, String status) {
        String step = "{\"status\":\"" + status + "\",\"at\":\"2024-01-02T08:30:00+07:00\",\"officer\":\"Lan\","
                + "\"note\":\"bước\"}";
        return post("/api/v1/dossiers/" + dossierCode + "/progress", step.getBytes(StandardCharsets.UTF_8),
                Http.AGENCY_KEY, "application/json");
    }

    private HttpResponse<String> soap(String envelope, String apiKey) {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        return apiKey == null ? http.post("/soap/gateway", body, "Content-Type", "text/xml; charset=utf-8")
                : http.post("/soap/gateway", body, "Content-Type", "text/xml; charset=utf-8", "X-API-Key", apiKey);
    }

    private static String dossierEnvelope(String dossierCode, String agencyCode) {
        return SOAP_ENVELOPE + "<soap:Body><g:SubmitDossier><g:dossier>"
                + "<g:dossierCode>" + dossierCode + "</g:dossierCode>"
                + "<g:procedureCode>1.001193.000.00.00.H56</g:procedureCode><g:procedureName>Đăng ký khai sinh"
                + "</g:procedureName><g:fieldCode>G09-TP08</g:fieldCode><g:fieldName>Hộ tịch</g:fieldName>"
                + "<g:agencyCode>" + agencyCode + "</g:agencyCode><g:agencyName>UBND xã Hải Trường</g:agencyName>"
                + "<g:applicant><g:type>CITIZEN</g:type><g:idNumber>045090001234</g:idNumber>"
                + "<g:name>Hồ Quang Thuận</g:name></g:applicant><g:summary>Tóm tắt</g:summary>"
                + "<g:channel>ONLINE</g:channel><g:receivedAt>2024-01-01T08:00:00+07:00</g:receivedAt>"
                + "<g:dueAt>2024-01-03T17:00:00+07:00</g:dueAt><g:status>ACCEPTED</g:status>"
                + "</g:dossier></g:SubmitDossier></soap:Body></soap:Envelope>";
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
