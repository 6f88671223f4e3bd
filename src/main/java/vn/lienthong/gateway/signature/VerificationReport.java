package vn.lienthong.gateway.signature;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying one signed object: a verdict for each signature in it and the overall verdict, which is
 * VALID only when every signature is. An object that cannot be read, or has no signature, is INVALID with no
 * per-signature verdicts; a PDF with only document time-stamps is INVALID {@code NO_SIGNER} with theirs.
 */
public record VerificationReport(Verdict.Status verdict, VerdictReason reason, String detail,
                                 List<Verdict> signatures, Instant validatedAt) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** The overall verdict of signatures: the first INVALID one, else the first INDETERMINATE one, else VALID. */
    static VerificationReport of(List<Verdict> signatures, Instant validatedAt) {
        Verdict deciding = signatures.stream().filter(v -> v.status() == Verdict.Status.INVALID).findFirst()
                .or(() -> signatures.stream().filter(v -> v.status() == Verdict.Status.INDETERMINATE).findFirst())
                .orElse(null);
        if (deciding == null) {
            return new VerificationReport(Verdict.Status.VALID, null, null, signatures, validatedAt);
        }
        return new VerificationReport(deciding.status(), deciding.reason(), deciding.detail(), signatures,
                validatedAt);
    }

    /**
     * Every signature holds but none is a signer's (a PDF with only document time-stamps): INVALID {@code NO_SIGNER},
     * keeping their verdicts.
     */
    static VerificationReport withoutSigner(List<Verdict> signatures, String detail, Instant validatedAt) {
        return new VerificationReport(Verdict.Status.INVALID, VerdictReason.NO_SIGNER, detail, signatures,
                validatedAt);
    }

    /** The object as a whole is unusable, before any single signature could be judged. */
    static VerificationReport invalidObject(VerdictReason reason, String detail, Instant validatedAt) {
        return new VerificationReport(Verdict.Status.INVALID, reason, detail, List.of(), validatedAt);
    }
}
