package vn.lienthong.gateway.messagelog;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.messagelog.merkle.MerkleProofs;

/**
 * Checks a {@value #FORMAT} document offline: both tree heads must be signed by the first certificate given (chained
 * to a {@code --trust} anchor when one is given), be in canonical form and name the same node, and the RFC 9162
 * consistency proof must show that the older tree is a prefix of the newer.
 */
final class ConsistencyVerifier {

    /** The format name of a consistency document. */
    static final String FORMAT = "lienthong-consistency/1";

    private ConsistencyVerifier() {
    }

    /** Checks the document and answers the summary, or throws naming the first problem. */
    static String verify(JsonNode document, List<X509Certificate> anchors) throws OfflineVerifier.Invalid {
        List<X509Certificate> certificates = OfflineVerifier.certificates(document.path("certificates"), "certificates");
        SignedTreeHead older = head(document.path("from"), certificates.get(0), "from");
        SignedTreeHead newer = head(document.path("to"), certificates.get(0), "to");
        if (!older.head().nodeId().equals(newer.head().nodeId())) {
            throw new OfflineVerifier.Invalid("to: its tree head is of node " + newer.head().nodeId() + ", not "
                    + older.head().nodeId());
        }
        if (!older.head().nodeId().equals(document.path("nodeId").asText(null))) {
            throw new OfflineVerifier.Invalid("nodeId: the document names another node than its signed tree heads");
        }
        if (older.head().size() > newer.head().size()) {
            throw new OfflineVerifier.Invalid("from: its tree (size " + older.head().size() + ") is larger than the "
                    + "tree of 'to' (size " + newer.head().size() + ")");
        }
        if (anchors != null) {
            SignerTrust.checkChain(certificates, anchors, newer.head().time(), "certificates");
        }
        List<byte[]> proof = new ArrayList<>();
        JsonNode hashes = document.path("proof");
        if (!hashes.isArray() || hashes.size() > 2 * Long.SIZE) {
            throw new OfflineVerifier.Invalid("proof: it is missing or longer than any tree needs");
        }
        for (JsonNode hash : hashes) {
            try {
                proof.add(HexFormat.of().parseHex(hash.asText("")));
            } catch (IllegalArgumentException e) {
                throw new OfflineVerifier.Invalid("proof: it holds a hash that is not hex");
            }
        }
        if (!MerkleProofs.verifyConsistency(older.head().size(), newer.head().size(), older.head().root(),
                newer.head().root(), proof)) {
            throw new OfflineVerifier.Invalid("proof: it does not show that the tree of size " + older.head().size()
                    + " signed at " + older.time() + " is a prefix of the tree of size " + newer.head().size()
                    + " signed at " + newer.time() + " (the log was rewritten in between, or the proof was altered)");
        }
        return "consistency of node " + older.head().nodeId() + ": the tree of size " + older.head().size()
                + " signed at " + older.time() + " is a prefix of the tree of size " + newer.head().size()
                + " signed at " + newer.time() + "; signed by " + certificates.get(0).getSubjectX500Principal().getName()
                + SignerTrust.note(anchors);
    }

    private static SignedTreeHead head(JsonNode node, X509Certificate signer, String where)
            throws OfflineVerifier.Invalid {
        if (!node.isObject()) {
            throw new OfflineVerifier.Invalid(where + ": the document has no such signed tree head");
        }
        SignedTreeHead signed = SignedTreeHead.verify(node.path("treeHead").asText(null),
                OfflineVerifier.base64(node.path("signature"), where + ": the signature is not base64"), signer, where);
        if (node.path("size").asLong(-1) != signed.head().size()) {
            throw new OfflineVerifier.Invalid(where + ": its size field does not match the signed tree head");
        }
        return signed;
    }
}
