package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code lienthong.trust.ocsp.responder-url} set, the responder (one on the loopback interface here, answering
 * for the sample government CA with its key) is asked first; the CRLs are the fallback when it cannot answer.
 */
class OcspTest {

    private static final byte[] CONTENT = "Giấy mời họp".getBytes(StandardCharsets.UTF_8);
    private static final List<String> ROOT_CRL_ONLY = List.of("certs-sample/root-ca.crl.pem");

    private HttpServer server;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void startResponder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", this::answer);
        server.start();
    }

    @AfterEach
    void stopResponder() {
        server.stop(0);
    }

    @Test
    void goodAnswerFromTheResponderMakesASignatureValidWithoutTheIssuersCrl() {
        VerificationReport report = verifier(ROOT_CRL_ONLY, url())
                .verifyDetached(CONTENT, SamplePki.signer(SamplePki.GOOD_RSA).detached(CONTENT));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(asked.get()).isPositive();
    }

    @Test
    void revokedAnswerFromTheResponderMakesASignatureInvalid() {
        revoked.add(SamplePki.certificate(SamplePki.GOOD_EC).getSerialNumber());

        VerificationReport report = verifier(SamplePki.SAMPLE_CRLS, url())
                .verifyDetached(CONTENT, SamplePki.signer(SamplePki.GOOD_EC).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.CERT_REVOKED);
    }

    @Test
    void unreachableResponderFallsBackToTheCrls() {
        URI down = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/no-responder-here");

        assertThat(verifier(SamplePki.SAMPLE_CRLS, down)
                .verifyDetached(CONTENT, SamplePki.signer(SamplePki.REVOKED).detached(CONTENT)).reason())
                .isEqualTo(VerdictReason.CERT_REVOKED);
        VerificationReport noCrl = verifier(ROOT_CRL_ONLY, down)
                .verifyDetached(CONTENT, SamplePki.signer(SamplePki.GOOD_RSA).detached(CONTENT));
        assertThat(noCrl.verdict()).isEqualTo(Verdict.Status.INDETERMINATE);
        assertThat(noCrl.reason()).isEqualTo(VerdictReason.REVOCATION_UNKNOWN);
    }

    @Test
    void refusesAResponderUrlThatIsNotHttp() {
        assertThatThrownBy(() -> OcspResponder.configure(Path.of(""), URI.create("ldap://127.0.0.1/ocsp"), null))
                .hasMessageContaining("lienthong.trust.ocsp.responder-url");
    }

    private static CmsSignatureVerifier verifier(List<String> crls, URI responder) {
        Path home = Path.of("").toAbsolutePath();
        return new CmsSignatureVerifier(
                TrustAnchors.load(home, List.of(SamplePki.DIR.resolve("trust-anchors.pem")), List.of()),
                RevocationLists.configure(home, crls, Duration.ofHours(1), Duration.ofSeconds(5), 1 << 20),
                OcspResponder.configure(home, responder, null), Clock.systemUTC());
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    /** Answers for certificates of the sample government CA, signed with its key; any other is unauthorized. */
    private void answer(HttpExchange exchange) throws IOException {
        asked.incrementAndGet();
        try {
            byte[] request = exchange.getRequestMethod().equals("POST") ? exchange.getRequestBody().readAllBytes()
                    : Base64.getDecoder().decode(URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().substring("/ocsp/".length()), StandardCharsets.UTF_8));
            byte[] response = respond(new OCSPReq(request)).getEncoded();
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private OCSPResp respond(OCSPReq request) throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder ca = new JcaX509CertificateHolder(SamplePki.certificate(SamplePki.INTERMEDIATE));
        JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(
                SamplePki.certificate(SamplePki.INTERMEDIATE).getPublicKey(),
                digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1));
        Instant now = Instant.now();
        for (Req one : request.getRequestList()) {
            if (!one.getCertID().matchesIssuer(ca, digests)) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null);
            }
            CertificateStatus status = revoked.contains(one.getCertID().getSerialNumber())
                    ? new RevokedStatus(Date.from(now.minus(Duration.ofDays(1))), CRLReason.keyCompromise)
                    : CertificateStatus.GOOD;
            builder.addResponse(one.getCertID(), status, Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofHours(1))), null);
        }
        Optional.ofNullable(request.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                .ifPresent(nonce -> builder.setResponseExtensions(
                        new org.bouncycastle.asn1.x509.Extensions(nonce)));
        PrivateKey key = SamplePki.key(SamplePki.INTERMEDIATE);
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(SamplePki.algorithm(key)).build(key), null,
                Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }
}
