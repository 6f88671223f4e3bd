package vn.lienthong.gateway.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS object given as DER, as PEM ({@code -----BEGIN PKCS7-----}, {@code CMS} or {@code PKCS #7 SIGNED DATA})
 * or as bare base64 text, and gives its DER (or BER) bytes; anything else is not a CMS object.
 */
final class CmsInput {

    private static final int SEQUENCE_TAG = 0x30;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PKCS7|CMS|PKCS #7 SIGNED DATA)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----\\s*");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private CmsInput() {
    }

    /** The binary encoding of the object, or empty when the bytes are neither binary ASN.1, PEM nor base64. */
    static Optional<byte[]> binary(byte[] input) {
        if (input.length == 0) {
            return Optional.empty();
        }
        if ((input[0] & 0xff) == SEQUENCE_TAG) {
            return Optional.of(input);
        }
        String text = new String(input, StandardCharsets.US_ASCII).strip();
        Matcher pem = PEM.matcher(text);
        if (pem.matches()) {
            return decode(pem.group(2));
        }
        return BASE64_TEXT.matcher(text).matches() ? decode(text) : Optional.empty();
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            byte[] decoded = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            return decoded.length > 0 && (decoded[0] & 0xff) == SEQUENCE_TAG ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
