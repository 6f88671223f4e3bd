package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRLs configured by URL (served here on the loopback interface) are fetched, cached and used for the verdict. */
class CrlUrlTest {

    private static final byte[] CONTENT = "Tờ trình".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void serveCrl() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/gov.crl", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void revokedSignerIsFoundInACrlFetchedFromItsUrlAndTheCrlIsCached() throws Exception {
        served.set(Files.readAllBytes(SamplePki.DIR.resolve("sample-gov-ca.crl.der")));
        CmsSignatureVerifier verifier = SamplePki.verifier(List.of(url(), "certs-sample/root-ca.crl.pem"));

        VerificationReport revoked = verifier.verifyDetached(CONTENT,
                SamplePki.signer(SamplePki.REVOKED).detached(CONTENT));
        VerificationReport good = verifier.verifyDetached(CONTENT,
                SamplePki.signer(SamplePki.GOOD_EC).detached(CONTENT));

        assertThat(revoked.reason()).isEqualTo(VerdictReason.CERT_REVOKED);
        assertThat(good.verdict()).as(good.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void unreachableCrlLeavesTheSignatureIndeterminate() {
        CmsSignatureVerifier verifier = SamplePki.verifier(List.of(url(), "certs-sample/root-ca.crl.pem"));

        VerificationReport report = verifier.verifyDetached(CONTENT,
                SamplePki.signer(SamplePki.GOOD_RSA).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INDETERMINATE);
        assertThat(report.reason()).isEqualTo(VerdictReason.REVOCATION_UNKNOWN);
    }

    @Test
    void aCrlLargerThanTheLimitIsNotUsed() {
        served.set(new byte[2 << 20]);
        CmsSignatureVerifier verifier = SamplePki.verifier(List.of(url(), "certs-sample/root-ca.crl.pem"));

        assertThat(verifier.verifyDetached(CONTENT, SamplePki.signer(SamplePki.GOOD_RSA).detached(CONTENT)).reason())
                .isEqualTo(VerdictReason.REVOCATION_UNKNOWN);
    }

    @Test
    void refusesACrlLocationThatIsNeitherAFileNorAnHttpUrl() {
        Path home = Path.of("").toAbsolutePath();

        assertThatThrownBy(() -> RevocationLists.configure(home, List.of("ftp://127.0.0.1/gov.crl"), Duration.ofHours(1),
                Duration.ofSeconds(1), 1024)).hasMessageContaining("lienthong.trust.crls[0]");
        assertThatThrownBy(() -> RevocationLists.configure(home, List.of("certs-sample/missing.crl"),
                Duration.ofHours(1), Duration.ofSeconds(1), 1024)).hasMessageContaining("lienthong.trust.crls[0]");
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gov.crl";
    }
}
