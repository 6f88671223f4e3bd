package vn.lienthong.gateway.lgsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lienthong.gateway.lgsp.LgspFixture.CLIENT_SECRET;
import static vn.lienthong.gateway.lgsp.LgspFixture.SYNC;
import static vn.lienthong.gateway.lgsp.LgspFixture.TOKEN;
import static vn.lienthong.gateway.lgsp.LgspFixture.TRACES;
import static vn.lienthong.gateway.lgsp.LgspFixture.ok;
import static vn.lienthong.gateway.lgsp.LgspFixture.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import vn.lienthong.gateway.PlatformStub;
import vn.lienthong.gateway.PlatformStub.Canned;
import vn.lienthong.gateway.PlatformStub.Recorded;
import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.chain.ChainProperties;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.delivery.RoutingProperties;
import vn.lienthong.gateway.delivery.RoutingRules;

/** The LGSP document client against a scripted loopback platform: what it sends, token refusals, and how it reads replies. */
class LgspClientTest {

    private static final Map<String, Object> DOCUMENT = Map.of("DocCode", "000.00.17.H56-240301-0001", "Status", 2);

    private final PlatformStub platform = new PlatformStub();
    private final TestClock clock = new TestClock(Instant.parse("2024-03-01T01:00:00Z"));
    private LgspFixture fixture;
    private LgspClient client;

    @BeforeEach
    void startPlatform() throws IOException {
        platform.start();
        fixture = new LgspFixture(platform);
        client = fixture.client(fixture.tokens(clock));
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @Test
    void postsTheRecordWithTheBearerTokenAndTheMessageIdAsIdempotencyKey() {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, ok());
        platform.reply(TRACES, ok());

        assertThat(client.post(fixture.settings.getSyncDocumentPath(), "SyncDocument", DOCUMENT, "key-1")).isEqualTo(200);
        client.post(fixture.settings.getUpdateTracesPath(), "UpdateDocumentTraces", DOCUMENT, "key-2");

        Recorded call = platform.requestsTo(SYNC).get(0);
        assertThat(call.headers().getFirst("Authorization")).isEqualTo("Bearer T1");
        assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("key-1");
        assertThat(call.headers().getFirst("Content-Type")).startsWith("application/json");
        assertThat(call.json().path("DocCode").asText()).isEqualTo("000.00.17.H56-240301-0001");
        assertThat(platform.requestsTo(TRACES).get(0).headers().getFirst("Idempotency-Key")).isEqualTo("key-2");
        assertThat(platform.requestsTo(TOKEN)).hasSize(1);
    }

    @Test
    void renewsTheTokenOnceWhenThePlatformAnswers401AndCallsAgainWithTheSameKey() {
        platform.reply(TOKEN, token("T1", 3600), token("T2", 3600));
        platform.reply(SYNC, new Canned(401, "{\"ErrorCode\":\"100\",\"ErrorDesc\":\"Token het han\"}"), ok());

        client.post(fixture.settings.getSyncDocumentPath(), "SyncDocument", DOCUMENT, "key-1");

        List<Recorded> calls = platform.requestsTo(SYNC);
        assertThat(calls).extracting(c -> c.headers().getFirst("Authorization")).containsExactly("Bearer T1", "Bearer T2");
        assertThat(calls).extracting(c -> c.headers().getFirst("Idempotency-Key")).containsOnly("key-1");
        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
    }

    @Test
    void takesATokenErrorCodeInTheReplyAsARefusedToken() {
        platform.reply(TOKEN, token("T1", 3600), token("T2", 3600));
        platform.reply(SYNC, new Canned(200, "{\"ErrorCode\":\"100\",\"ErrorDesc\":\"Xac thuc that bai\"}"), ok());

        client.post(fixture.settings.getSyncDocumentPath(), "SyncDocument", DOCUMENT, "key-1");

        assertThat(platform.requestsTo(SYNC)).hasSize(2);
        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
    }

    @Test
    void aFreshTokenRefusedAgainIsATransientFailureAfterOneRenewal() {
        platform.reply(TOKEN, token("T1", 3600), token("T2", 3600));
        platform.reply(SYNC, new Canned(401, "{}"), new Canned(401, "{}"));

        PlatformDeliveryException e = failure();

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("refused a fresh token");
        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
        assertThat(platform.requestsTo(SYNC)).hasSize(2);
    }

    @Test
    void aServerErrorIsTransientAndKeepsRetryAfter() {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, new Canned(503, "{\"ErrorCode\":\"-9\",\"ErrorDesc\":\"bao tri\"}", Map.of("Retry-After", "7")));

        PlatformDeliveryException e = failure();

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("HTTP 503").contains("bao tri");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 422})
    void aClientErrorOtherThan401IsPermanent(int status) {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, new Canned(status, "{\"ErrorCode\":\"200\",\"ErrorDesc\":\"Ho so khong day du\","
                + "\"errors\":[{\"pointer\":\"/Phone\",\"message\":\"required\"}]}"));

        PlatformDeliveryException e = failure();

        assertThat(e.permanent()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains("ErrorCode 200").contains("/Phone");
    }

    @Test
    void aSuccessStatusWithAnErrorCodeIsThePlatformRefusingTheRecord() {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, new Canned(200, "{\"ErrorCode\":\"500\",\"ErrorDesc\":\"Du lieu khong chinh xac\"}"));

        PlatformDeliveryException e = failure();

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("ErrorCode 500");
    }

    @Test
    void aSuccessStatusThatIsNotJsonIsNotTakenAsAConfirmation() {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, new Canned(200, "<html>OK</html>", Map.of("Content-Type", "text/html")));

        PlatformDeliveryException e = failure();

        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).contains("not a JSON object");
    }

    @Test
    void aJsonReplyWithoutErrorCodeConfirmsTheRecord() {
        platform.reply(TOKEN, token("T1", 3600));
        platform.reply(SYNC, new Canned(201, "{\"DocCode\":\"000.00.17.H56-240301-0001\"}"));

        assertThat(client.post(fixture.settings.getSyncDocumentPath(), "SyncDocument", DOCUMENT, "key-1")).isEqualTo(201);
    }

    @Test
    void neverRepeatsTheTokenOrTheSecretInAFailureReason() {
        platform.reply(TOKEN, token("Tok3nValue", 3600));
        platform.reply(SYNC, new Canned(400, "{\"ErrorCode\":\"302\",\"ErrorDesc\":\"bad header Bearer Tok3nValue, "
                + "secret " + CLIENT_SECRET + "\"}"));

        PlatformDeliveryException e = failure();

        assertThat(e.getMessage()).contains("(hidden)").doesNotContain("Tok3nValue").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void refusesToStartWithoutAnAccountWhenTheRulesRouteDossiersToLgsp() {
        fixture.settings.setClientSecret("");

        assertThatThrownBy(fixture::endpoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.lgsp.client-secret");
    }

    @Test
    void refusesPlainHttpOutsideTheSandbox() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        fixture.settings.setBaseUrl("http://lgsp.example.vn/api");

        assertThatThrownBy(() -> new LgspEndpoint(fixture.settings, production, null, LgspFixture.routedToLgsp()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://");
    }

    @Test
    void refusesTheSandboxSecretOutsideTheSandbox() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        fixture.settings.setBaseUrl("https://lgsp.example.vn/api");
        fixture.settings.setClientSecret("sandbox-lgsp-secret");

        assertThatThrownBy(() -> new LgspEndpoint(fixture.settings, production, null, LgspFixture.routedToLgsp()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lienthong.lgsp.client-secret")
                .hasMessageNotContaining("sandbox-lgsp-secret");
    }

    @Test
    void needsNoAccountWhenNoRuleRoutesDossiersToLgsp() {
        LgspProperties blank = new LgspProperties();
        RoutingProperties dvcqgOnly = new RoutingProperties();
        RoutingProperties.Rule everything = new RoutingProperties.Rule();
        everything.setProcedureCodes(List.of("*"));
        dvcqgOnly.setDestinations(Map.of("DVCQG", List.of(everything)));
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        new LgspEndpoint(blank, production, null, new RoutingRules(dvcqgOnly));
    }

    @Test
    void needsAnAccountWhenAChainIsConfiguredEvenIfNoRuleRoutesDossiersToLgsp() {
        RoutingProperties dvcqgOnly = new RoutingProperties();
        RoutingProperties.Rule everything = new RoutingProperties.Rule();
        everything.setProcedureCodes(List.of("*"));
        dvcqgOnly.setDestinations(Map.of("DVCQG", List.of(everything)));
        ChainProperties.Leg leg = new ChainProperties.Leg();
        leg.setAgency("000.31.00.H56");
        leg.setProcedure("2.001023");
        ChainProperties.Chain chain = new ChainProperties.Chain();
        chain.setLegs(List.of(leg));
        ChainProperties chains = new ChainProperties();
        chains.setChains(Map.of("birth", chain));
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> new LgspEndpoint(new LgspProperties(), production, null,
                new RoutingRules(dvcqgOnly), chains)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.lgsp");
    }

    @Test
    void buildsTheServiceAndTokenUrlsUnderTheConfiguredBase() {
        fixture.settings.setBaseUrl("https://lgsp.example.vn/dvc/1.0/");
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        LgspEndpoint endpoint = new LgspEndpoint(fixture.settings, production, null, LgspFixture.routedToLgsp());

        assertThat(endpoint.service("/Document/SyncDocument"))
                .hasToString("https://lgsp.example.vn/dvc/1.0/Document/SyncDocument");
        assertThat(endpoint.token()).hasToString("https://lgsp.example.vn/dvc/1.0/token");
        fixture.settings.setTokenUrl("https://lgsp.example.vn/token");
        assertThat(endpoint.token()).hasToString("https://lgsp.example.vn/token");
    }

    private PlatformDeliveryException failure() {
        PlatformDeliveryException e = catchThrowableOfType(PlatformDeliveryException.class,
                () -> client.post(fixture.settings.getSyncDocumentPath(), "SyncDocument", DOCUMENT, "key-1"));
        assertThat(e).as("expected a PlatformDeliveryException").isNotNull();
        return e;
    }
}
