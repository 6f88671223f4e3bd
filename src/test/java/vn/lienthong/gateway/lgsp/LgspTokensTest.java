package vn.lienthong.gateway.lgsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.gateway.lgsp.LgspFixture.CLIENT_ID;
import static vn.lienthong.gateway.lgsp.LgspFixture.CLIENT_SECRET;
import static vn.lienthong.gateway.lgsp.LgspFixture.TOKEN;
import static vn.lienthong.gateway.lgsp.LgspFixture.token;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.PlatformStub;
import vn.lienthong.gateway.PlatformStub.Canned;
import vn.lienthong.gateway.PlatformStub.Recorded;
import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/** The LGSP client-credentials token: how it is asked for, cached, renewed before expiry and after a refusal. */
class LgspTokensTest {

    private final PlatformStub platform = new PlatformStub();
    private final TestClock clock = new TestClock(Instant.parse("2024-03-01T01:00:00Z"));
    private LgspFixture fixture;

    @BeforeEach
    void startPlatform() throws IOException {
        platform.start();
        fixture = new LgspFixture(platform);
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @Test
    void asksForATokenOnceAndReusesItUntilItIsDueForRenewal() {
        platform.reply(TOKEN, token("T1", 3600));
        LgspTokens tokens = fixture.tokens(clock);

        assertThat(tokens.bearer()).isEqualTo("T1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.bearer()).isEqualTo("T1");

        assertThat(platform.requestsTo(TOKEN)).hasSize(1);
        Recorded request = platform.requestsTo(TOKEN).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.text()).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void authenticatesWithHttpBasicOverTheFormEncodedIdAndSecretByDefault() {
        platform.reply(TOKEN, token("T1", 3600));

        fixture.tokens(clock).bearer();

        String header = platform.requestsTo(TOKEN).get(0).headers().getFirst("Authorization");
        assertThat(header).startsWith("Basic ");
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        assertThat(pair).isEqualTo(URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheCredentialsInTheFormWhenConfiguredSo() {
        fixture.settings.setClientAuthentication(LgspProperties.ClientAuthentication.FORM);
        fixture.settings.setScope("dossier traces");
        platform.reply(TOKEN, token("T1", 3600));

        fixture.tokens(clock).bearer();

        Recorded request = platform.requestsTo(TOKEN).get(0);
        assertThat(request.headers().containsKey("Authorization")).isFalse();
        assertThat(List.of(request.text().split("&"))).containsExactly("grant_type=client_credentials",
                "scope=dossier+traces", "client_id=" + CLIENT_ID,
                "client_secret=" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8));
        assertThat(URLDecoder.decode(request.text().split("&")[3].substring(14), StandardCharsets.UTF_8))
                .isEqualTo(CLIENT_SECRET);
    }

    @Test
    void renewsTheTokenOnceTheRenewalMarginBeforeItExpiresIsReached() {
        fixture.settings.setTokenRenewalMargin(Duration.ofSeconds(60));
        platform.reply(TOKEN, token("T1", 600), token("T2", 600));
        LgspTokens tokens = fixture.tokens(clock);
        tokens.bearer();

        clock.advance(Duration.ofSeconds(539));
        assertThat(tokens.bearer()).isEqualTo("T1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.bearer()).isEqualTo("T2");
        assertThat(tokens.bearer()).isEqualTo("T2");

        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
    }

    @Test
    void renewsAtHalfItsLifeATokenThatLivesLessThanTwiceTheMargin() {
        fixture.settings.setTokenRenewalMargin(Duration.ofSeconds(60));
        platform.reply(TOKEN, token("T1", 60), token("T2", 60));
        LgspTokens tokens = fixture.tokens(clock);
        tokens.bearer();

        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.bearer()).isEqualTo("T1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.bearer()).isEqualTo("T2");
    }

    @Test
    void takesTheDefaultLifetimeWhenTheTokenEndpointDoesNotSay() {
        fixture.settings.setDefaultTokenLifetime(Duration.ofMinutes(5));
        fixture.settings.setTokenRenewalMargin(Duration.ofSeconds(60));
        platform.reply(TOKEN, new Canned(200, "{\"access_token\":\"T1\",\"token_type\":\"bearer\"}"), token("T2", 600));
        LgspTokens tokens = fixture.tokens(clock);
        tokens.bearer();

        clock.advance(Duration.ofSeconds(239));
        assertThat(tokens.bearer()).isEqualTo("T1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.bearer()).isEqualTo("T2");
    }

    @Test
    void callersThatNeedATokenAtTheSameTimeShareOneRequest() throws Exception {
        platform.reply(TOKEN, token("T1", 3600).heldUntilReleased());
        LgspTokens tokens = fixture.tokens(clock);

        List<String> got = concurrently(8, tokens::bearer, () -> platform.requestsTo(TOKEN).size() == 1);

        assertThat(got).containsOnly("T1");
        assertThat(platform.requestsTo(TOKEN)).hasSize(1);
    }

    @Test
    void callersWhoseTokenWasRefusedAtTheSameTimeShareOneRenewal() throws Exception {
        platform.reply(TOKEN, token("T1", 3600), token("T2", 3600).heldUntilReleased());
        LgspTokens tokens = fixture.tokens(clock);
        String refused = tokens.bearer();

        List<String> got = concurrently(8, () -> tokens.renewAfterRejection(refused),
                () -> platform.requestsTo(TOKEN).size() == 2);

        assertThat(got).containsOnly("T2");
        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
    }

    @Test
    void aLateRefusalOfAnAlreadyReplacedTokenGetsTheReplacement() {
        platform.reply(TOKEN, token("T1", 3600), token("T2", 3600));
        LgspTokens tokens = fixture.tokens(clock);
        String first = tokens.bearer();

        assertThat(tokens.renewAfterRejection(first)).isEqualTo("T2");
        assertThat(tokens.renewAfterRejection(first)).isEqualTo("T2");

        assertThat(platform.requestsTo(TOKEN)).hasSize(2);
    }

    @Test
    void refusedCredentialsAreATransientFailureThatNamesTheErrorButNotTheSecret() {
        platform.reply(TOKEN, new Canned(401, "{\"error\":\"invalid_client\",\"error_description\":\"client secret "
                + CLIENT_SECRET + " is wrong\"}", Map.of("Retry-After", "30")));

        PlatformDeliveryException e = failure(fixture.tokens(clock));

        assertThat(e.permanent()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("invalid_client").doesNotContain(CLIENT_SECRET).doesNotContain("wrong");
    }

    @Test
    void aReplyWithoutAUsableBearerTokenIsATransientFailure() {
        for (String body : List.of("{\"token_type\":\"Bearer\"}", "{\"access_token\":\"T1\",\"token_type\":\"mac\"}",
                "{\"access_token\":\"T 1\\r\\nX-Injected: 1\"}", "<html>login</html>")) {
            platform.reply(TOKEN, new Canned(200, body));

            PlatformDeliveryException e = failure(fixture.tokens(clock));

            assertThat(e.permanent()).as(body).isFalse();
            assertThat(e.getMessage()).as(body).contains("usable bearer token");
        }
    }

    @Test
    void anUnreachableTokenEndpointIsATransientFailure() {
        fixture.settings.setTokenUrl("http://127.0.0.1:1/token");

        PlatformDeliveryException e = failure(fixture.tokens(clock));

        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).startsWith("LGSP token endpoint unreachable");
    }

    @Test
    void hidesTheSecretAndTheTokensItHoldsInAnyText() {
        platform.reply(TOKEN, token("Tok3n-One", 60), token("Tok3n-Two", 60));
        LgspTokens tokens = fixture.tokens(clock);
        String first = tokens.bearer();
        tokens.renewAfterRejection(first);

        assertThat(tokens.redact("a " + CLIENT_SECRET + " b Tok3n-One c Tok3n-Two"))
                .isEqualTo("a (hidden) b (hidden) c (hidden)");
        assertThat(new LgspTokens.AccessToken("Tok3n-One", Instant.EPOCH, Instant.EPOCH).toString())
                .doesNotContain("Tok3n-One");
        assertThat(fixture.settings.toString()).doesNotContain(CLIENT_SECRET);
    }

    private static PlatformDeliveryException failure(LgspTokens tokens) {
        PlatformDeliveryException e = catchThrowableOfType(PlatformDeliveryException.class, tokens::bearer);
        assertThat(e).as("expected a PlatformDeliveryException").isNotNull();
        return e;
    }

    /**
     * Runs the call from {@code threads} threads at once, lets the platform answer once {@code platformReached} holds
     * (all callers are then waiting), and gives back what each got.
     */
    private List<String> concurrently(int threads, Callable<String> call,
                                      Callable<Boolean> platformReached) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(call));
            }
            await().atMost(Duration.ofSeconds(10)).until(platformReached);
            await().atMost(Duration.ofSeconds(10)).until(() -> ((ThreadPoolExecutor) pool)
                    .getActiveCount() == threads);
            platform.release();
            List<String> got = new ArrayList<>();
            for (Future<String> future : futures) {
                got.add(future.get(10, TimeUnit.SECONDS));
            }
            return got;
        } finally {
            pool.shutdownNow();
        }
    }
}
