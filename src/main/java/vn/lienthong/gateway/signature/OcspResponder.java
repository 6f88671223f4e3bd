package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

/**
 * The OCSP responder an operator configured ({@code lienthong.trust.ocsp.*}): asked first about every certificate
 * of a path, with the CRLs as fallback; its answers must be signed by the certificate's issuer, by a responder the
 * issuer delegated to, or by the configured responder certificate. Never a responder named in a certificate.
 */
public record OcspResponder(URI url, X509Certificate certificate) {

    /**
     * The configured responder, or empty when {@code lienthong.trust.ocsp.responder-url} is not set; fails with a
     * message naming the setting when the URL is not http(s) or the certificate file cannot be read.
     */
    public static Optional<OcspResponder> configure(Path home, URI url, Path certificateFile) {
        if (url == null) {
            return Optional.empty();
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalStateException("Setting lienthong.trust.ocsp.responder-url is " + url
                    + ": an OCSP responder URL must be http(s)://host/…");
        }
        X509Certificate certificate = certificateFile == null ? null : read(home.resolve(certificateFile));
        return Optional.of(new OcspResponder(url, certificate));
    }

    private static X509Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new IllegalStateException("Setting lienthong.trust.ocsp.responder-certificate names " + file
                    + ", which is not a readable PEM certificate", e);
        }
    }
}
