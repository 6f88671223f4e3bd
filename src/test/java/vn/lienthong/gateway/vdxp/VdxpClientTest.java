package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/** The VDXP client against a scripted loopback adapter: the headers and HMAC it sends, and how it reads replies. */
class VdxpClientTest {

    private static final String SECRET = "a-test-secret-of-the-axis";
    private static final Instant NOW = Instant.parse("2024-03-05T01:00:00.123Z");

    private final AdapterStub adapter = new AdapterStub();
    private VdxpAxisProperties settings;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() throws IOException {
        adapter.start();
        settings = new VdxpAxisProperties();
        settings.setBaseUrl(adapter.baseUrl());
        settings.setSystemId("test-gateway");
        settings.setSecret(SECRET);
        settings.setOrganIds(List.of("000.00.17.H56"));
        settings.setConnectTimeout(Duration.ofSeconds(2));
        settings.setRequestTimeout(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        adapter.stop();
    }

    private VdxpClient client() {
        VdxpEndpoint endpoint = new VdxpEndpoint(settings, new MockEnvironment(), null);
        return new VdxpClient(settings, endpoint, new ObjectMapper(), clock);
    }

    /** The HMAC a receiver computes from what it received, written here from the contract, not from the client. */
    private static String expectedHmac(String operation, Headers h) throws Exception {
        String canonical = String.join("\n", operation, value(h, "systemid"), value(h, "timestamp"), value(h, "from"),
                value(h, "to"), value(h, "servicetype"), value(h, "messagetype"), value(h, "docid"),
                value(h, "status"), value(h, "hash-file"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String value(Headers headers, String name) {
        String v = headers.getFirst(name);
        return v == null ? "" : v;
    }

    @Test
    void sendsAnEdocWithItsHeadersBodyHashAndAnHmacOverTheCanonicalString() throws Exception {
        adapter.reply("/axis/sendEdoc", 200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"Thành công\","
                + "\"DocId\":\"7c2a-uuid\"}");
        byte[] edxml = "<edXML/>".getBytes(StandardCharsets.UTF_8);

        String docId = client().sendEdoc("000.00.17.H56", List.of("000.00.00.G22", "000.00.18.H56"),
                VdxpMessageType.EDOC, edxml);

        assertThat(docId).isEqualTo("7c2a-uuid");
        Recorded call = adapter.received.get(0);
        assertThat(call.body()).isEqualTo(edxml);
        Headers h = call.headers();
        assertThat(h.getFirst("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(h.getFirst("systemid")).isEqualTo("test-gateway");
        assertThat(h.getFirst("timestamp")).isEqualTo("05032024T080000+0123");
        assertThat(h.getFirst("from")).isEqualTo("000.00.17.H56");
        assertThat(h.getFirst("to")).isEqualTo("[\"000.00.00.G22\",\"000.00.18.H56\"]");
        assertThat(h.getFirst("servicetype")).isEqualTo("eDoc");
        assertThat(h.getFirst("messagetype")).isEqualTo("edoc");
        assertThat(h.getFirst("hash-file"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(edxml)));
        assertThat(h.getFirst("hash-header")).isEqualTo(expectedHmac("sendEdoc", h));
        assertThat(h.getFirst("docid")).isNull();
        assertThat(h.getFirst("status")).isNull();
    }

    @Test
    void formatsTheTimestampWithTheMillisecondsOnFourDigitsOnTheVietnamClock() {
        ZonedDateTime hanoi = ZonedDateTime.parse("2024-12-31T23:59:59.007+07:00[Asia/Ho_Chi_Minh]");
        assertThat(VdxpRequestSigner.timestamp(hanoi)).isEqualTo("31122024T235959+0007");
    }

    @Test
    void signsTheContractsGetEdocExampleWithEmptyLinesForAbsentHeaders() throws Exception {
        clock = Clock.fixed(Instant.parse("2024-03-05T01:00:00.123Z"), ZoneOffset.UTC);
        adapter.reply("/axis/getEdoc", 200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"data\":\""
                + Base64.getEncoder().encodeToString("<edXML>é</edXML>".getBytes(StandardCharsets.UTF_8)) + "\"}");

        byte[] edxml = client().getEdoc("4f6c-uuid");

        assertThat(new String(edxml, StandardCharsets.UTF_8)).isEqualTo("<edXML>é</edXML>");
        Headers h = adapter.received.get(0).headers();
        assertThat(h.getFirst("docid")).isEqualTo("4f6c-uuid");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String literal = "getEdoc\ntest-gateway\n05032024T080000+0123\n\n\n\n\n4f6c-uuid\n\n";
        assertThat(h.getFirst("hash-header"))
                .isEqualTo(HexFormat.of().formatHex(mac.doFinal(literal.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void makesAFreshTimestampForEveryCall() {
        clock = new Clock() {
            private long millis = NOW.toEpochMilli();
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(millis++); }
        };
        adapter.reply("/axis/updateStatus", 200, "{\"ErrorCode\":\"0\"}");
        adapter.reply("/axis/updateStatus", 200, "{\"ErrorCode\":\"0\"}");
        VdxpClient client = client();

        client.updateStatus("d-1", VdxpReceiptStatus.DONE);
        client.updateStatus("d-1", VdxpReceiptStatus.FAIL);

        assertThat(adapter.received).extracting(r -> r.headers().getFirst("timestamp"))
                .containsExactly("05032024T080000+0123", "05032024T080000+0124");
        assertThat(adapter.received).extracting(r -> r.headers().getFirst("status")).containsExactly("done", "fail");
    }

    @Test
    void readsTheReceivedListWithTheMessageTypeAndServiceType() throws Exception {
        adapter.reply("/axis/getReceivedEdocList", 200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"data\":["
                + "{\"docId\":\"b1e0\",\"serviceType\":\"eDoc\",\"messageType\":\"edoc\",\"from\":\"000.00.00.G22\","
                + "\"to\":\"000.00.17.H56\",\"created_time\":\"2024-03-05T08:00:00.123+07:00\",\"status\":\"sent\","
                + "\"status_desc\":\"Chờ nhận\"}]}");

        List<VdxpReceivedItem> items = client().getReceivedEdocList(VdxpMessageType.EDOC);

        assertThat(items).containsExactly(new VdxpReceivedItem("b1e0", VdxpMessageType.EDOC, "000.00.00.G22",
                "000.00.17.H56", "2024-03-05T08:00:00.123+07:00", null, "sent", "Chờ nhận"));
        Headers h = adapter.received.get(0).headers();
        assertThat(h.getFirst("servicetype")).isEqualTo("eDoc");
        assertThat(h.getFirst("messagetype")).isEqualTo("edoc");
        assertThat(h.getFirst("hash-header")).isEqualTo(expectedHmac("getReceivedEdocList", h));
    }

    @Test
    void readsTheSentListNarrowedToOneSentItem() throws Exception {
        adapter.reply("/axis/getSentEdocList", 200, "{\"ErrorCode\":\"0\",\"data\":[{\"senderDocId\":\"7c2a\","
                + "\"receiverDocId\":\"b1e0\",\"fromCode\":\"000.00.17.H56\",\"toCode\":\"000.00.00.G22\","
                + "\"messageType\":\"edoc\",\"title\":\"Báo cáo\",\"notation\":\"57/UBND-TP\",\"sentTime\":\"t1\","
                + "\"receivedTime\":null,\"sendStatus\":\"done\",\"sendStatusDesc\":\"Đã gửi lên trục\","
                + "\"receiveStatus\":\"sent\",\"receiveStatusDesc\":\"Chờ nhận\"}]}");

        List<VdxpSentItem> items = client().getSentEdocList(VdxpSentQuery.item("7c2a"));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.toCode()).isEqualTo("000.00.00.G22");
            assertThat(item.receiveStatus()).isEqualTo("sent");
            assertThat(item.receivedTime()).isNull();
            assertThat(item.messageType()).isEqualTo(VdxpMessageType.EDOC);
        });
        Headers h = adapter.received.get(0).headers();
        assertThat(h.getFirst("docid")).isEqualTo("7c2a");
        assertThat(h.getFirst("servicetype")).isNull();
        assertThat(h.getFirst("hash-header")).isEqualTo(expectedHmac("getSentEdocList", h));
    }

    @Test
    void takesA503AsTransientWithItsRetryAfter() {
        adapter.reply("/axis/sendEdoc", 503, "{\"status\":\"FAIL\",\"ErrorCode\":\"900\",\"ErrorDesc\":\"fault\"}",
                Map.of("Retry-After", "7"));

        PlatformDeliveryException e = sendFails();

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("ErrorCode 900");
    }

    @Test
    void takesASchemaRefusalAsPermanentWithTheAxisReason() {
        adapter.reply("/axis/sendEdoc", 400, "{\"status\":\"FAIL\",\"ErrorCode\":\"201\","
                + "\"ErrorDesc\":\"line 3: Subject missing\"}");

        PlatformDeliveryException e = sendFails();

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("ErrorCode 201").contains("Subject missing");
    }

    @Test
    void takesAFailureCodeInA200AsAFailure() {
        adapter.reply("/axis/sendEdoc", 200, "{\"status\":\"FAIL\",\"ErrorCode\":\"202\",\"ErrorDesc\":\"signature\"}");
        assertThat(sendFails().permanent()).isTrue();

        adapter.reply("/axis/sendEdoc", 200, "{\"status\":\"FAIL\",\"ErrorCode\":\"103\"}");
        assertThat(sendFails().permanent()).isFalse();
    }

    @Test
    void takesAReplyThatIsNotTheAdaptersJsonAsTransient() {
        adapter.reply("/axis/sendEdoc", 200, "<html>proxy page</html>");
        assertThat(sendFails().permanent()).isFalse();

        adapter.reply("/axis/sendEdoc", 200, "{\"ErrorCode\":\"0\"}");
        assertThat(sendFails().getMessage()).contains("without a usable DocId");
    }

    @Test
    void takesAnUnreachableAdapterAsTransient() throws IOException {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            settings.setBaseUrl("http://127.0.0.1:" + closed.getLocalPort() + "/axis");
        }
        assertThat(sendFails().permanent()).isFalse();
    }

    @Test
    void refusesAReplyLargerThanTheLimitWithoutReadingItAll() {
        settings.setMaxReplySize(DataSize.ofKilobytes(1));
        adapter.reply("/axis/getEdoc", 200, "{\"ErrorCode\":\"0\",\"data\":\"" + "A".repeat(4096) + "\"}");

        PlatformDeliveryException e = catchThrowableOfType(() -> client().getEdoc("d-1"),
                PlatformDeliveryException.class);

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("max-reply-size");
    }

    @Test
    void refusesToSendToARepeatedOrMalformedOrganWithoutCallingTheAxis() {
        byte[] body = new byte[] {1};
        assertThat(catchThrowableOfType(() -> client().sendEdoc("000.00.17.H56",
                List.of("000.00.00.G22", "000.00.00.G22"), VdxpMessageType.EDOC, body),
                PlatformDeliveryException.class).permanent()).isTrue();
        assertThat(catchThrowableOfType(() -> client().sendEdoc("000.00.17.H56\r\nx: y",
                List.of("000.00.00.G22"), VdxpMessageType.EDOC, body),
                PlatformDeliveryException.class).permanent()).isTrue();
        assertThat(adapter.received).isEmpty();
    }

    @Test
    void neverShowsTheSecret() {
        adapter.reply("/axis/sendEdoc", 401, "{\"ErrorCode\":\"102\",\"ErrorDesc\":\"hash-header wrong\"}");

        PlatformDeliveryException e = sendFails();

        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    private PlatformDeliveryException sendFails() {
        return catchThrowableOfType(() -> client().sendEdoc("000.00.17.H56", List.of("000.00.00.G22"),
                VdxpMessageType.EDOC, "<edXML/>".getBytes(StandardCharsets.UTF_8)), PlatformDeliveryException.class);
    }

    private record Recorded(String path, Headers headers, byte[] body) {
    }

    private record Canned(int status, String body, Map<String, String> headers) {
    }

    /** A loopback adapter answering scripted replies per path and recording every request. */
    private static final class AdapterStub {
        private final Map<String, Deque<Canned>> script = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Recorded> received = new CopyOnWriteArrayList<>();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/axis/";
        }

        void reply(String path, int status, String body) {
            reply(path, status, body, Map.of());
        }

        void reply(String path, int status, String body, Map<String, String> headers) {
            script.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Canned(status, body, headers));
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            String path = exchange.getRequestURI().getPath();
            received.add(new Recorded(path, headers, body));
            Deque<Canned> queue = script.get(path);
            Canned answer = queue == null || queue.isEmpty() ? new Canned(599, "{}", Map.of()) : queue.poll();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
