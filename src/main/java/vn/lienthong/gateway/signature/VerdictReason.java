package vn.lienthong.gateway.signature;

/** Why a signature is not VALID: stable codes that clients and the message log see. */
public enum VerdictReason {
    /** The object is not a well-formed signature of the expected kind (bad ASN.1 or XML, wrong type, too big). */
    MALFORMED,
    /** The signed object carries no signature at all. */
    NO_SIGNER,
    /** An enveloping signature without content, or a detached one with no content given. */
    CONTENT_MISSING,
    /** The signer's certificate is not in the signature (nor among the configured intermediates). */
    SIGNER_CERT_MISSING,
    /**
     * An XML signature that does not cover the document as a whole (its reference names another element, an element
     * whose id is not unique, or something outside the document): what is read would not be what was signed.
     */
    SIGNED_ELEMENT_MISMATCH,
    /**
     * A PDF signature whose {@code /ByteRange} is not {@code [0 a b c]} covering a whole revision of the file except
     * exactly the hexadecimal {@code /Contents} of its own signature dictionary.
     */
    BYTE_RANGE_INVALID,
    /**
     * A signed PDF changed after this signature: a later revision (incremental update) changes more than signing
     * adds (a signature field with its signature, validation data, document information).
     */
    MODIFIED_AFTER_SIGNING,
    /** The content is not the content that was signed (message digest differs). */
    DIGEST_MISMATCH,
    /** The signature value does not verify with the signer's public key. */
    SIGNATURE_MISMATCH,
    /** Signed attributes are present but {@code content-type} or {@code message-digest} is not among them. */
    MISSING_SIGNED_ATTRIBUTE,
    /** MD5 or SHA-1, as digest or inside the signature algorithm, of the signature or of a certificate in its path. */
    WEAK_ALGORITHM,
    /** An algorithm the policy does not know (neither allowed nor known to be weak). */
    UNSUPPORTED_ALGORITHM,
    /** RSA below 2048 bits, EC below 256 bits, or another kind of key. */
    WEAK_KEY,
    /**
     * The certificate is not for its use: a signer's without digitalSignature and nonRepudiation, a TLS client's
     * without clientAuth.
     */
    KEY_USAGE_NOT_ALLOWED,
    /** A certificate of the path was expired at validation time. */
    CERT_EXPIRED,
    /** A certificate of the path was not yet valid at validation time. */
    CERT_NOT_YET_VALID,
    /** A certificate of the path is revoked by a CRL valid at validation time. */
    CERT_REVOKED,
    /** No path leads from the signer's certificate to a configured trust anchor. */
    CHAIN_UNTRUSTED,
    /** A path to an anchor exists but breaks a PKIX rule (a bad certificate signature, a CA flag, a constraint). */
    CHAIN_INVALID,
    /** Revocation cannot be decided: no CRL from the issuer valid at validation time (none, expired, unreachable). */
    REVOCATION_UNKNOWN,
    /**
     * A PDF document time-stamp that does not hold: not an RFC 3161 token, not over the SHA-256 of its byte range,
     * its signature does not verify, or its authority does not chain to a trusted root at the stamped time.
     */
    TIMESTAMP_INVALID
}
