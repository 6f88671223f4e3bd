package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline verifiers' view of who signed: reads the certificates a document or archive carries and the
 * {@code --trust} anchors, and checks (JDK PKIX, at a given time, no revocation) that the signer chains to an anchor.
 */
final class SignerTrust {

    private SignerTrust() {
    }

    /** An X.509 certificate from its DER (or PEM) encoding; {@code what} names it in the error. */
    static X509Certificate certificate(byte[] encoded, String what) throws OfflineVerifier.Invalid {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new OfflineVerifier.Invalid(what + ": the certificate cannot be read: " + e.getMessage());
        }
    }

    /**
     * Checks that the chain given (signer first) leads to one of the anchors at the time given; {@code where} starts
     * the error message (such as {@code checkpoint} or {@code manifest}).
     */
    static void checkChain(List<X509Certificate> certificates, List<X509Certificate> anchors, Instant at, String where)
            throws OfflineVerifier.Invalid {
        try {
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trustAnchors.add(new TrustAnchor(anchor, null));
            }
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : certificates) {
                if (!anchors.contains(c)) {
                    path.add(c);
                }
            }
            if (path.isEmpty()) {
                return;
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            throw new OfflineVerifier.Invalid(where + ": the signer's certificate does not chain to a trust anchor: "
                    + e.getMessage());
        }
    }

    /** The certificates of a PEM bundle. */
    static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        }
    }

    /** What the summary line says about the signer's trust. */
    static String note(List<X509Certificate> anchors) {
        return anchors == null ? " (the signer was NOT checked against a trust anchor: no --trust given)"
                : ", chained to a trust anchor";
    }
}
