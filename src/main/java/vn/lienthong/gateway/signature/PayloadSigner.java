package vn.lienthong.gateway.signature;

import java.util.Base64;
import java.util.Map;

/**
 * Signs the exact bytes of an outgoing request body as its destination's {@link PayloadSignature} says: nothing, or a
 * detached CMS signature (SHA-256, the gateway key, its certificate and intermediates) sent base64 of DER in the
 * {@value #HEADER} header.
 */
public final class PayloadSigner {

    public static final String HEADER = "X-Payload-Signature";

    private final CmsSigner cms;

    public PayloadSigner(SigningIdentity gateway) {
        this.cms = new CmsSigner(new SigningIdentity(gateway.privateKey(), gateway.certificatesToSend()));
    }

    /** The headers to send with this body: none for {@link PayloadSignature#NONE}; fails with a {@link SigningException}. */
    public Map<String, String> headers(PayloadSignature wanted, byte[] body) {
        return switch (wanted) {
            case NONE -> Map.of();
            case CMS_DETACHED -> Map.of(HEADER, Base64.getEncoder().encodeToString(cms.signDetached(body)));
        };
    }
}
