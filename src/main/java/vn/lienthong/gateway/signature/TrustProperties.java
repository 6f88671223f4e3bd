package vn.lienthong.gateway.signature;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway trusts when it verifies a signature: root certificates, intermediate certificates that signatures
 * may leave out, and certificate revocation lists (files, or URLs fetched and cached); paths are relative to
 * {@code lienthong.home}.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.trust")
public class TrustProperties {

    /** PEM files of the trusted root certificates (each file may hold several). */
    @NotEmpty(message = "name at least one PEM file of trusted root certificates")
    private List<@NotNull Path> anchors = new ArrayList<>();
    /** PEM files of intermediate CA certificates used to build paths when a signature does not carry them. */
    private List<@NotNull Path> intermediates = new ArrayList<>();
    /** CRLs: files (PEM or DER) or {@code http(s)://} URLs. */
    private List<@NotNull String> crls = new ArrayList<>();
    /** How long a CRL fetched from a URL is used before it is fetched again (sooner when its next update passes). */
    @NotNull
    private Duration crlRefresh = Duration.ofHours(1);
    /** Connect and read timeout of a CRL download. */
    @NotNull
    private Duration crlTimeout = Duration.ofSeconds(10);
    /** A CRL download larger than this is refused. */
    @NotNull
    private DataSize crlMaxSize = DataSize.ofMegabytes(20);
    @Valid
    private final Ocsp ocsp = new Ocsp();

    public List<Path> getAnchors() { return anchors; }
    public void setAnchors(List<Path> anchors) { this.anchors = anchors; }
    public List<Path> getIntermediates() { return intermediates; }
    public void setIntermediates(List<Path> intermediates) { this.intermediates = intermediates; }
    public List<String> getCrls() { return crls; }
    public void setCrls(List<String> crls) { this.crls = crls; }
    public Duration getCrlRefresh() { return crlRefresh; }
    public void setCrlRefresh(Duration crlRefresh) { this.crlRefresh = crlRefresh; }
    public Duration getCrlTimeout() { return crlTimeout; }
    public void setCrlTimeout(Duration crlTimeout) { this.crlTimeout = crlTimeout; }
    public DataSize getCrlMaxSize() { return crlMaxSize; }
    public void setCrlMaxSize(DataSize crlMaxSize) { this.crlMaxSize = crlMaxSize; }
    public Ocsp getOcsp() { return ocsp; }

    /** An OCSP responder to ask first, the CRLs being the fallback; none when the URL is not set. */
    public static class Ocsp {
        /** The responder's URL, asked about every certificate of a path. */
        private URI responderUrl;
        /** PEM file of the certificate signing the responder's answers, when it is neither the CA nor its delegate. */
        private Path responderCertificate;

        public URI getResponderUrl() { return responderUrl; }
        public void setResponderUrl(URI responderUrl) { this.responderUrl = responderUrl; }
        public Path getResponderCertificate() { return responderCertificate; }
        public void setResponderCertificate(Path responderCertificate) {
            this.responderCertificate = responderCertificate;
        }
    }
}
