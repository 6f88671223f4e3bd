package vn.lienthong.gateway.signature;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a TLS client's certificate chain identifies a client: the same path, revocation and key policy as
 * signers' certificates (trust anchors, CRLs, OCSP where configured), then a key usage for TLS client authentication,
 * and the organ code from the subject.
 */
public final class ClientCertificateValidator {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final ChainValidator chains;

    public ClientCertificateValidator(TrustAnchors trust, RevocationLists revocation, Optional<OcspResponder> ocsp) {
        this.chains = new ChainValidator(trust, revocation, ocsp);
    }

    /** What the check found: the organ code of an accepted certificate, or why it is refused. */
    public sealed interface Outcome {
    }

    /** The certificate is valid for TLS client authentication; its subject and organ code (null when it has none). */
    public record Accepted(String subject, String organCode) implements Outcome {
    }

    /** The certificate is refused for the reason given (a stable code) with what was found. */
    public record Refused(VerdictReason reason, String detail) implements Outcome {
    }

    /** Checks the chain the client presented (its own certificate first) as of {@code at}. */
    public Outcome check(X509Certificate[] presented, Instant at) {
        X509Certificate client = presented[0];
        List<X509Certificate> offered = Arrays.asList(presented).subList(1, presented.length);
        Optional<Finding> finding = chains.validate(client, offered, at).finding()
                .or(() -> AlgorithmPolicy.key(client.getPublicKey()))
                .or(() -> clientAuthentication(client));
        if (finding.isPresent()) {
            return new Refused(finding.get().reason(), finding.get().detail());
        }
        return new Accepted(client.getSubjectX500Principal().getName(), SignerCertificate.organId(client));
    }

    /** RFC 5280 §4.2.1.12: a TLS client certificate must name clientAuth and, with a key usage, digitalSignature. */
    private static Optional<Finding> clientAuthentication(X509Certificate client) {
        boolean[] usage = client.getKeyUsage();
        if (usage != null && (usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE])) {
            return Optional.of(Finding.invalid(VerdictReason.KEY_USAGE_NOT_ALLOWED,
                    "the client certificate's key usage does not allow digitalSignature"));
        }
        try {
            List<String> extended = client.getExtendedKeyUsage();
            if (extended == null || !extended.contains(CLIENT_AUTH)) {
                return Optional.of(Finding.invalid(VerdictReason.KEY_USAGE_NOT_ALLOWED,
                        "the certificate is not for TLS client authentication (no clientAuth extended key usage)"));
            }
            return Optional.empty();
        } catch (CertificateParsingException e) {
            return Optional.of(Finding.invalid(VerdictReason.MALFORMED, "unreadable extended key usage"));
        }
    }
}
