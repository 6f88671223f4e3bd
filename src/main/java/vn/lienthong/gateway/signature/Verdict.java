package vn.lienthong.gateway.signature;

import java.time.Instant;

/** The verdict on one signature, reached at {@link #validatedAt()}: valid, invalid for a reason, or undecidable. */
public sealed interface Verdict permits Verdict.Valid, Verdict.Invalid, Verdict.Indeterminate {

    /** The three outcomes, as the API names them. */
    enum Status { VALID, INVALID, INDETERMINATE }

    SignerDetails signer();

    Instant validatedAt();

    Status status();

    /** The reason code, null when valid. */
    VerdictReason reason();

    /** What was found, in words, for the message log; null when valid. */
    String detail();

    /** Every check passed: the signature verifies, the policy is met, the path is trusted and nothing is revoked. */
    record Valid(SignerDetails signer, Instant validatedAt) implements Verdict {
        public Status status() { return Status.VALID; }
        public VerdictReason reason() { return null; }
        public String detail() { return null; }
    }

    /** A check failed: the signature must not be relied on. */
    record Invalid(VerdictReason reason, String detail, SignerDetails signer, Instant validatedAt) implements Verdict {
        public Status status() { return Status.INVALID; }
    }

    /** No check failed, but one could not be decided (revocation status unknown); not to be relied on either. */
    record Indeterminate(VerdictReason reason, String detail, SignerDetails signer, Instant validatedAt)
            implements Verdict {
        public Status status() { return Status.INDETERMINATE; }
    }
}
