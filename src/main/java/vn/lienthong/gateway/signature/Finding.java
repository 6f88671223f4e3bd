package vn.lienthong.gateway.signature;

import java.time.Instant;

/**
 * A failed or undecided check: its reason code, whether it leaves the signature INDETERMINATE rather than INVALID,
 * and what was found.
 */
record Finding(VerdictReason reason, boolean undecided, String detail) {

    static Finding invalid(VerdictReason reason, String detail) {
        return new Finding(reason, false, detail);
    }

    static Finding undecided(VerdictReason reason, String detail) {
        return new Finding(reason, true, detail);
    }

    Verdict toVerdict(SignerDetails signer, Instant validatedAt) {
        return undecided ? new Verdict.Indeterminate(reason, detail, signer, validatedAt)
                : new Verdict.Invalid(reason, detail, signer, validatedAt);
    }
}
