package vn.lienthong.gateway.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RetryAfterHeader;
import vn.lienthong.gateway.signature.PayloadSignature;
import vn.lienthong.gateway.signature.PayloadSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/** The DVCQG client against a scripted loopback platform: sessions, the request it sends, and how it reads replies. */
class DvcqgClientTest {

    private static final String LOGIN = "/base/login";
    private static final String SERVICE = "/base/service";
    private static final Map<String, Object> RECORD = Map.of("MaHoSo", "000.00.17.H56-241231-0001", "TrangThaiHoSo", "2");

    private static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(
            Path.of("certs-sample/gateway-signing.p12"), "sandbox".toCharArray(), null);

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final PlatformStub platform = new PlatformStub();
    private DvcqgProperties settings;

    @BeforeEach
    void startPlatform() throws IOException {
        platform.start();
        settings = new DvcqgProperties();
        settings.setBaseUrl(platform.baseUrl());
        settings.setUsername("hcc-user");
        settings.setPassword("hcc-secret");
        settings.setUnitCode("000.00.00.H56");
        settings.setConnectTimeout(Duration.ofSeconds(2));
        settings.setRequestTimeout(Duration.ofSeconds(2));
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    // --- session ---

    @Test
    void logsInOnceAndReusesTheSessionForLaterCalls() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"), ok("0"));
        DvcqgClient client = client();

        client.callService(DvcqgClient.SYNC_SERVICE, false, List.of(RECORD), "key-1");
        client.callService(DvcqgClient.SYNC_SERVICE, false, List.of(RECORD), "key-2");

        assertThat(platform.requestsTo(LOGIN)).hasSize(1);
        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.json().path("session").asText())
                .containsExactly("S1", "S1");
    }

    @Test
    void logsInWithTheConfiguredCredentials() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"));

        client().callService(DvcqgClient.SYNC_SERVICE, false, List.of(RECORD), "key-1");

        Recorded login = platform.requestsTo(LOGIN).get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.json().path("username").asText()).isEqualTo("hcc-user");
        assertThat(login.json().path("password").asText()).isEqualTo("hcc-secret");
        assertThat(login.headers().getFirst("Idempotency-Key")).isNull();
    }

    @Test
    void sendsSessionUnitServiceUpdatingFlagDataAndIdempotencyKey() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"));

        int status = client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1");

        assertThat(status).isEqualTo(200);
        Recorded call = platform.requestsTo(SERVICE).get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("key-1");
        assertThat(call.headers().getFirst("Content-Type")).startsWith("application/json");
        JsonNode body = call.json();
        assertThat(body.path("session").asText()).isEqualTo("S1");
        assertThat(body.path("madonvi").asText()).isEqualTo("000.00.00.H56");
        assertThat(body.path("service").asText()).isEqualTo("DongBoHoSoMC");
        assertThat(body.path("isUpdating").isBoolean()).isTrue();
        assertThat(body.path("isUpdating").booleanValue()).isFalse();
        assertThat(body.path("data").isArray()).isTrue();
        assertThat(body.path("data")).hasSize(1);
        assertThat(body.at("/data/0/MaHoSo").asText()).isEqualTo("000.00.17.H56-241231-0001");
        assertThat(body.at("/data/0/TrangThaiHoSo").asText()).isEqualTo("2");
    }

    @Test
    void sendsIsUpdatingTrueForAnUpdate() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"));

        client().callService("DongBoHoSoMC", true, List.of(RECORD), "key-1");

        assertThat(platform.requestsTo(SERVICE).get(0).json().path("isUpdating").booleanValue()).isTrue();
    }

    @Test
    void acceptsABaseUrlWithATrailingSlash() {
        settings.setBaseUrl(platform.baseUrl() + "/");
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"));

        assertThat(client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1")).isEqualTo(200);
    }

    // --- success ---

    @ParameterizedTest
    @ValueSource(strings = {"0", "00"})
    void takesErrorCodeZeroAsSuccess(String code) {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok(code));

        assertThatCode(() -> client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1"))
                .doesNotThrowAnyException();
    }

    @Test
    void takesANumericZeroErrorCodeAsSuccess() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":0}"));

        assertThat(client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1")).isEqualTo(200);
    }

    // --- session renewal ---

    @Test
    void logsInAgainOnceAndRetriesWhenTheServiceAnswers401() {
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(401, "{\"error_code\":\"-2\",\"message\":\"Unauthorized\"}"), ok("0"));

        int status = client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1");

        assertThat(status).isEqualTo(200);
        assertThat(platform.requestsTo(LOGIN)).hasSize(2);
        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.json().path("session").asText())
                .containsExactly("S1", "S2");
        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.headers().getFirst("Idempotency-Key"))
                .containsExactly("key-1", "key-1");
    }

    @Test
    void logsInAgainOnceAndRetriesWhenTheServiceSaysTheSessionExpired() {
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":\"-2\",\"message\":\"Session het han\"}"), ok("0"));

        int status = client().callService("DongBoHoSoMC", false, List.of(RECORD), "key-1");

        assertThat(status).isEqualTo(200);
        assertThat(platform.requestsTo(LOGIN)).hasSize(2);
        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.json().path("session").asText())
                .containsExactly("S1", "S2");
    }

    @Test
    void keepsTheRenewedSessionForTheNextCall() {
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":\"-2\"}"), ok("0"), ok("0"));
        DvcqgClient client = client();

        client.callService("DongBoHoSoMC", false, List.of(RECORD), "key-1");
        client.callService("DongBoHoSoMC", false, List.of(RECORD), "key-2");

        assertThat(platform.requestsTo(LOGIN)).hasSize(2);
        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.json().path("session").asText())
                .containsExactly("S1", "S2", "S2");
    }

    @Test
    void failsTransientlyWhenAFreshSessionIsRefusedByErrorCode() {
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":\"-2\"}"), new Canned(200, "{\"error_code\":\"-2\"}"));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(platform.requestsTo(LOGIN)).as("logs in again only once").hasSize(2);
        assertThat(platform.requestsTo(SERVICE)).hasSize(2);
    }

    @Test
    void failsTransientlyWhenAFreshSessionIsRefusedWithHttp401() {
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(401, "{}"), new Canned(401, "{}"));

        PlatformDeliveryException e = failure(client());

        assertThat(platform.requestsTo(LOGIN)).as("logs in again only once").hasSize(2);
        assertThat(platform.requestsTo(SERVICE)).hasSize(2);
        assertThat(e.permanent()).as("a session refused right after login is not the record's fault").isFalse();
    }

    // --- HTTP status classification ---

    @Test
    void failsTransientlyOn503WithTheRetryAfterThePlatformAskedFor() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(503, "{\"message\":\"bao tri\"}", Map.of("Retry-After", "7")));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(platform.requestsTo(LOGIN)).as("a 503 is not a session problem").hasSize(1);
    }

    @Test
    void readsARetryAfterGivenAsAnHttpDate() {
        String inTenMinutes = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10));
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(503, "", Map.of("Retry-After", inTenMinutes)));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
    }

    @Test
    void takesARetryAfterDateInThePastAsNoWait() {
        assertThat(RetryAfterHeader.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresARetryAfterThatIsNeitherSecondsNorADate() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(503, "", Map.of("Retry-After", "soon")));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 408, 500, 502, 504})
    void failsTransientlyOnStatusesWorthRetrying(int status) {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(status, "{}"));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 422})
    void failsPermanentlyOnClientErrors(int status) {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(status, "{\"error_code\":\"-1\",\"message\":\"Du lieu sai\"}"));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains(String.valueOf(status));
    }

    // --- reading the reply ---

    @Test
    void failsPermanentlyWhenThePlatformRefusesTheRecord() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":\"-3\",\"message\":\"MaHoSo khong hop le\"}"));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("-3").contains("MaHoSo khong hop le");
    }

    @Test
    void failsTransientlyOnA200ThatIsNotJson() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(200, "<html><body>OK</body></html>", Map.of("Content-Type", "text/html")));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":\"OK\"}", "{\"error_code\":null}", "[{\"error_code\":\"0\"}]", "\"0\"", ""})
    void neverTakesA200WithoutAnErrorCodeAsSuccess(String body) {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, new Canned(200, body));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
    }

    // --- login failures ---

    @Test
    void failsTransientlyWhenTheLoginIsRefused() {
        platform.reply(LOGIN, new Canned(401, "{\"error_code\":\"-1\",\"message\":\"Sai mat khau\"}"));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).containsIgnoringCase("login");
        assertThat(e.getMessage()).doesNotContain("hcc-secret");
        assertThat(platform.requestsTo(SERVICE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_code\":\"0\"}", "{\"error_code\":\"0\",\"session\":\"\"}",
            "{\"error_code\":\"-1\",\"session\":\"S1\"}", "{\"session\":\"S1\"}", "not json"})
    void failsTransientlyWhenTheLoginGivesNoUsableSession(String body) {
        platform.reply(LOGIN, new Canned(200, body));

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).containsIgnoringCase("login");
        assertThat(platform.requestsTo(SERVICE)).isEmpty();
    }

    @Test
    void triesToLogInAgainOnTheNextCallAfterAFailedLogin() {
        platform.reply(LOGIN, new Canned(503, "{}"), loginOk("S2"));
        platform.reply(SERVICE, ok("0"));
        DvcqgClient client = client();

        assertThatThrownBy(() -> client.callService("DongBoHoSoMC", false, List.of(RECORD), "key-1"))
                .isInstanceOf(PlatformDeliveryException.class);
        assertThat(client.callService("DongBoHoSoMC", false, List.of(RECORD), "key-1")).isEqualTo(200);

        assertThat(platform.requestsTo(SERVICE)).extracting(r -> r.json().path("session").asText())
                .containsExactly("S2");
    }

    // --- network failures ---

    @Test
    void failsTransientlyWhenThePlatformRefusesConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        settings.setBaseUrl("http://127.0.0.1:" + closedPort + "/base");

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isNull();
        assertThat(e).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void failsTransientlyWhenTheReplyIsSlowerThanTheRequestTimeout() {
        settings.setRequestTimeout(Duration.ofMillis(300));
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0").heldUntilReleased());

        PlatformDeliveryException e = failure(client());

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isNull();
        assertThat(e).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(platform.requestsTo(SERVICE)).hasSize(1);
    }

    // --- endpoint ---

    @Test
    void refusesABlankBaseUrlOutsideTheSandbox() {
        DvcqgProperties blank = new DvcqgProperties();
        blank.setBaseUrl("  ");

        assertThatThrownBy(() -> new DvcqgEndpoint(blank, new MockEnvironment(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.dvcqg.base-url");
    }

    @Test
    void refusesANullBaseUrlOutsideTheSandbox() {
        DvcqgProperties blank = new DvcqgProperties();
        blank.setBaseUrl(null);
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> new DvcqgEndpoint(blank, production, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.dvcqg.base-url");
    }

    @Test
    void allowsABlankBaseUrlInTheSandbox() {
        MockEnvironment sandbox = new MockEnvironment();
        sandbox.setActiveProfiles("sandbox");

        assertThatCode(() -> new DvcqgEndpoint(new DvcqgProperties(), sandbox, null)).doesNotThrowAnyException();
    }

    @Test
    void buildsOperationUrlsUnderTheConfiguredBase() {
        settings.setBaseUrl("https://dvcqg.example.vn/api/");
        DvcqgEndpoint endpoint = new DvcqgEndpoint(settings, new MockEnvironment(), null);

        assertThat(endpoint.operation("login")).hasToString("https://dvcqg.example.vn/api/login");
        assertThat(endpoint.operation("service")).hasToString("https://dvcqg.example.vn/api/service");
    }

    // --- payload signature ---

    @Test
    void sendsNoPayloadSignatureUnlessTheDestinationAsksForIt() {
        platform.reply(LOGIN, loginOk("S1"));
        platform.reply(SERVICE, ok("0"));

        client().callService(DvcqgClient.SYNC_SERVICE, false, List.of(RECORD), "key-1");

        assertThat(platform.requestsTo(SERVICE).get(0).headers().getFirst(PayloadSigner.HEADER)).isNull();
    }

    @Test
    void signsTheExactBodyOfEachServiceRequestWithTheGatewayKeyWhenAskedForCmsDetached() throws Exception {
        settings.setPayloadSignature(PayloadSignature.CMS_DETACHED);
        platform.reply(LOGIN, loginOk("S1"), loginOk("S2"));
        platform.reply(SERVICE, new Canned(200, "{\"error_code\":\"-2\"}"), ok("0"));

        client().callService(DvcqgClient.SYNC_SERVICE, false, List.of(RECORD), "key-1");

        List<Recorded> calls = platform.requestsTo(SERVICE);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).json().path("session").asText()).isEqualTo("S1");
        assertThat(calls.get(1).json().path("session").asText()).isEqualTo("S2");
        X509Certificate gateway = GATEWAY.certificate();
        for (Recorded call : calls) {
            String header = call.headers().getFirst(PayloadSigner.HEADER);
            assertThat(header).as("a header proxies accept").hasSizeLessThan(8 * 1024);
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(call.body()),
                    Base64.getDecoder().decode(header));
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(gateway))).isTrue();
            assertThat(signed.getCertificates().getMatches(null)).as("signer and intermediate, not the root").hasSize(2);
        }
        byte[] otherBody = calls.get(1).body();
        CMSSignedData firstSignature = new CMSSignedData(new CMSProcessableByteArray(otherBody),
                Base64.getDecoder().decode(calls.get(0).headers().getFirst(PayloadSigner.HEADER)));
        assertThatThrownBy(() -> firstSignature.getSignerInfos().getSigners().iterator().next()
                .verify(new JcaSimpleSignerInfoVerifierBuilder().build(gateway)))
                .as("a signature covers its own body only").isInstanceOf(CMSSignerDigestMismatchException.class);
        assertThat(platform.requestsTo(LOGIN)).allSatisfy(login ->
                assertThat(login.headers().getFirst(PayloadSigner.HEADER)).isNull());
    }

    @Test
    void keyThatCannotSignMakesAPermanentFailureWithTheReason() throws Exception {
        settings.setPayloadSignature(PayloadSignature.CMS_DETACHED);
        platform.reply(LOGIN, loginOk("S1"));
        PrivateKey edwards = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        DvcqgClient client = new DvcqgClient(settings, new DvcqgEndpoint(settings, new MockEnvironment(), null), json,
                new PayloadSigner(new SigningIdentity(edwards, GATEWAY.chain())));

        PlatformDeliveryException e = failure(client);

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("could not be signed with the gateway key");
        assertThat(platform.requestsTo(SERVICE)).isEmpty();
    }

    // --- helpers ---

    private DvcqgClient client() {
        return new DvcqgClient(settings, new DvcqgEndpoint(settings, new MockEnvironment(), null), json,
                new PayloadSigner(GATEWAY));
    }

    private static PlatformDeliveryException failure(DvcqgClient client) {
        PlatformDeliveryException e = catchThrowableOfType(PlatformDeliveryException.class,
                () -> client.callService("DongBoHoSoMC", false, List.of(RECORD), "key-1"));
        assertThat(e).as("expected a PlatformDeliveryException").isNotNull();
        return e;
    }

    private static Canned loginOk(String session) {
        return new Canned(200, "{\"error_code\":\"0\",\"message\":\"OK\",\"session\":\"" + session + "\"}");
    }

    private static Canned ok(String errorCode) {
        return new Canned(200, "{\"error_code\":\"" + errorCode + "\",\"message\":\"Thanh cong\"}");
    }

    /** One scripted answer; {@code held} makes the stub wait for the test to end before answering. */
    private record Canned(int status, String body, Map<String, String> headers, boolean held) {

        Canned(int status, String body) {
            this(status, body, Map.of(), false);
        }

        Canned(int status, String body, Map<String, String> headers) {
            this(status, body, headers, false);
        }

        Canned heldUntilReleased() {
            return new Canned(status, body, headers, true);
        }
    }

    /** One request the stub received. */
    private record Recorded(String method, String path, Headers headers, byte[] body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** A loopback HTTP server answering each path from its own queue and recording every request. */
    private static final class PlatformStub {

        private final Map<String, Deque<Canned>> script = new ConcurrentHashMap<>();
        private final List<Recorded> received = new CopyOnWriteArrayList<>();
        private final CountDownLatch release = new CountDownLatch(1);
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        void stop() {
            release.countDown();
            server.stop(0);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
        }

        void reply(String path, Canned... answers) {
            script.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
        }

        List<Recorded> requestsTo(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Headers headers = new Headers();
                headers.putAll(exchange.getRequestHeaders());
                String path = exchange.getRequestURI().getPath();
                received.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
                Canned answer;
                synchronized (script) {
                    Deque<Canned> queue = script.get(path);
                    answer = queue == null ? null : queue.poll();
                }
                if (answer == null) {
                    answer = new Canned(599, "{\"stub\":\"no scripted answer for " + path + "\"}");
                }
                if (answer.held() && !release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held reply never released");
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                answer.headers().forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (e.g. after its request timeout); nothing to answer to
            } finally {
                exchange.close();
            }
        }
    }
}
