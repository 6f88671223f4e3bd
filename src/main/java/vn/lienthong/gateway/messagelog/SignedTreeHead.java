package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.signature.CmsSignerVerifier;

/** A tree head as signed at a checkpoint, with its detached CMS signature, as the offline verifiers check it. */
record SignedTreeHead(String text, byte[] signature, TreeHead head) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks that the signature verifies over the text with the signer's certificate and that the text is a tree
     * head in canonical form; {@code where} starts the error message (such as {@code checkpoint} or a file name).
     */
    static SignedTreeHead verify(String text, byte[] signature, X509Certificate signer, String where)
            throws OfflineVerifier.Invalid {
        return verify(text, signature, new CmsSignerVerifier(signer), where);
    }

    /** As {@link #verify(String, byte[], X509Certificate, String)}, with a verifier of the signer built beforehand. */
    static SignedTreeHead verify(String text, byte[] signature, CmsSignerVerifier signer, String where)
            throws OfflineVerifier.Invalid {
        if (text == null) {
            throw new OfflineVerifier.Invalid(where + ": it has no tree head");
        }
        if (!signer.verifiesDetached(text.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new OfflineVerifier.Invalid(where + ": the signature does not verify over the tree head with the "
                    + "certificate given (the tree head or the signature was altered, or another key signed it)");
        }
        return new SignedTreeHead(text, signature.clone(), parse(text, where));
    }

    /** The tree head a text stands for, refused unless the text is exactly its canonical form. */
    static TreeHead parse(String text, String where) throws OfflineVerifier.Invalid {
        TreeHead head;
        try {
            JsonNode h = JSON.readTree(text);
            head = new TreeHead(h.path("nodeId").asText(null), h.path("size").asLong(-1),
                    HexFormat.of().parseHex(h.path("root").asText("")), Instant.parse(h.path("time").asText("")));
        } catch (IOException | RuntimeException e) {
            throw new OfflineVerifier.Invalid(where + ": the tree head cannot be read: " + e.getMessage());
        }
        if (!Arrays.equals(head.canonicalBytes(), text.getBytes(StandardCharsets.US_ASCII))) {
            throw new OfflineVerifier.Invalid(where + ": the tree head is not in canonical form");
        }
        return head;
    }

    /** The time in the tree head, exactly as signed (the text is canonical, so it ends with it). */
    String time() {
        return text.substring(text.indexOf("\"time\":\"") + 8, text.length() - 2);
    }
}
