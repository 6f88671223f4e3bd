package vn.lienthong.gateway.signature;

/** The kinds of signed object the gateway is asked to verify (DESIGN §6.6). */
public enum SignatureFormat {
    /** A CMS SignedData without the content ({@code .p7s}); the content comes separately. */
    CMS_DETACHED,
    /** A CMS SignedData that carries its content ({@code .p7m}). */
    CMS_ENVELOPING,
    /** An XML signature, as in the edXML header. */
    XMLDSIG,
    /** A signed PDF. */
    PDF
}
