package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.Sha256;

/**
 * The client takes a token only when the authority granted it for this very request (nonce, imprint, policy) and it
 * verifies; every other answer, or none, is a failure that says why.
 */
class TimestampClientTest {

    private static final byte[] SIGNATURE = "signature of checkpoint 8".getBytes(StandardCharsets.US_ASCII);

    private final TimestampResponder sandbox = TimestampAuthorities.sandboxResponder();
    private final AtomicReference<UnaryOperator<byte[]>> authority = new AtomicReference<>(sandbox::respond);
    private final AtomicReference<String> contentType = new AtomicReference<>("application/timestamp-reply");
    private HttpServer server;
    private URI url;

    @BeforeEach
    void startAuthority() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            boolean asked = "application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] reply = asked ? authority.get().apply(request) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", contentType.get());
            exchange.sendResponseHeaders(asked ? 200 : 415, reply.length == 0 ? -1 : reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @AfterEach
    void stopAuthority() {
        server.stop(0);
    }

    @Test
    void getsAVerifiedTokenOverTheSignatureFromTheAuthority() {
        TimestampResult result = client(TimestampAuthorities.SANDBOX_POLICY).stamp(SIGNATURE);

        assertThat(result).isInstanceOfSatisfying(TimestampResult.Granted.class, granted -> assertThat(
                TimestampTokens.verify(granted.token(), SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS).time())
                .isEqualTo(granted.time()));
    }

    @Test
    void refusesAReplayedAnswerToAnEarlierRequest() throws IOException {
        byte[] earlier = sandbox.respond(new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256,
                Sha256.digest(SIGNATURE), BigInteger.valueOf(42)).getEncoded());
        authority.set(request -> earlier);

        assertThat(failure(client(null).stamp(SIGNATURE))).contains("not for this request", "nonce");
    }

    @Test
    void refusesATokenOfAnUntrustedAuthority() throws Exception {
        TimestampResponder stranger = new TimestampResponder(TimestampAuthorities.untrusted(),
                TimestampAuthorities.SANDBOX_POLICY, Clock.systemUTC());
        authority.set(stranger::respond);

        assertThat(failure(client(null).stamp(SIGNATURE))).contains("was refused", "is not trusted");
    }

    @Test
    void reportsARejectionWithItsStatus() {
        assertThat(failure(client("2.999.1").stamp(SIGNATURE))).contains("refused the request: status 2");
    }

    @Test
    void reportsAnAuthorityThatIsDownOrAnswersSomethingElse() {
        contentType.set("text/html");
        assertThat(failure(client(null).stamp(SIGNATURE))).contains("answered text/html");

        contentType.set("application/timestamp-reply");
        authority.set(request -> "<html>".getBytes(StandardCharsets.US_ASCII));
        assertThat(failure(client(null).stamp(SIGNATURE))).contains("not a timestamp response");

        server.stop(0);
        assertThat(failure(client(null).stamp(SIGNATURE))).contains("cannot be reached");
    }

    private TimestampClient client(String policy) {
        return new TimestampClient(() -> url, policy, Duration.ofSeconds(2), Duration.ofSeconds(5),
                TimestampAuthorities.SAMPLE_ANCHORS);
    }

    private static String failure(TimestampResult result) {
        assertThat(result).isInstanceOf(TimestampResult.Failed.class);
        return ((TimestampResult.Failed) result).reason();
    }
}
