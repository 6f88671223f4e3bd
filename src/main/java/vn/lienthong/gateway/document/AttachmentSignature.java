package vn.lienthong.gateway.document;

import vn.lienthong.gateway.signature.SignatureFormat;

/**
 * The signature an attachment of a posted document comes with: a detached CMS over its bytes (the signature given), or
 * a signed PDF (the attachment itself, no separate signature).
 */
public record AttachmentSignature(int index, SignatureFormat format, byte[] signature) {

    /** Where the attachment's signature is reported in the document API. */
    public String pointer() {
        return "/attachments/" + index + (format == SignatureFormat.PDF ? "/content" : "/signature");
    }
}
