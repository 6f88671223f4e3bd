package vn.lienthong.gateway.ingress;

/** The operations an agency system may be allowed, one by one, in its client configuration. */
public enum Operation {
    /** {@code POST /api/v1/dossiers}. */
    DOSSIER_SUBMIT,
    /** {@code POST /api/v1/dossiers/{dossierCode}/progress}. */
    PROGRESS,
    /** {@code POST /api/v1/documents} and document status messages. */
    DOCUMENT,
    /** The status queries: {@code GET /api/v1/messages/…}, {@code GET /api/v1/dossiers/…/messages}. */
    STATUS,
    /** {@code POST /api/v1/signatures/verify}. */
    SIGNATURE_VERIFY
}
