package vn.lienthong.gateway.signature;

import java.time.Instant;
import java.util.List;

/**
 * Who signed and how, as far as the signature tells it: subject, organ code, serial (upper-case hex), issuer, the
 * certificate path found (subjects, signer first), the signing time the signer claims, and the signature algorithm.
 * A field is null when the signature does not tell it (no signer certificate, no signing-time attribute).
 */
public record SignerDetails(String subject, String organId, String serial, String issuer, List<String> chain,
                            Instant signedAt, String algorithm) {

    public SignerDetails {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    SignerDetails withChain(List<String> found) {
        return new SignerDetails(subject, organId, serial, issuer, found, signedAt, algorithm);
    }
}
