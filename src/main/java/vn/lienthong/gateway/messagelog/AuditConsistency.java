package vn.lienthong.gateway.messagelog;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.QueryParameters;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * {@code GET /audit/consistency?from=&to=}: a {@value ConsistencyVerifier#FORMAT} document proving that the tree signed
 * at one checkpoint is a prefix of the tree signed at a later one (RFC 9162 §2.1.4), with both signed tree heads and
 * the gateway's certificates, so that anyone can check offline that the log was only appended to in between.
 */
@Component("auditConsistency")
public class AuditConsistency {

    private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");

    private final JdbcTemplate jdbc;
    private final MessageStore store;
    private final String nodeId;
    private final List<X509Certificate> chain;

    AuditConsistency(JdbcTemplate jdbc, MessageStore store, GatewayProperties properties,
                     SigningIdentity gatewaySigningIdentity) {
        this.jdbc = jdbc;
        this.store = store;
        this.nodeId = properties.getLog().getNodeId();
        this.chain = gatewaySigningIdentity.chain();
    }

    /** Puts the consistency document between the checkpoints named by {@code from} and {@code to} in the body. */
    public void consistency(Exchange exchange) {
        QueryParameters query = new QueryParameters(QueryParameters.of(exchange));
        long from = size(query, "from");
        long to = size(query, "to");
        if (from >= 0 && to >= 0 && from > to) {
            query.problem("to", "must not be smaller than from");
        }
        query.throwIfInvalid();
        ObjectNode document = document(from, to);
        ClientIdentity auditor = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        store.recordAuditAction(auditor.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                "took the consistency proof between the checkpoints of size " + from + " and " + to);
        exchange.getIn().setBody(document);
    }

    /**
     * The consistency document between two checkpoints of this node, from the stored subtrees (O(log n) reads, and
     * still possible after older entries were purged); 404 when either size is not a checkpoint, 410 when the proof
     * needs entries that were archived and purged (a checkpoint of fewer than 64 entries, then).
     */
    ObjectNode document(long from, long to) {
        DossierEvidence.Checkpoint older = checkpoint(from);
        DossierEvidence.Checkpoint newer = checkpoint(to);
        List<byte[]> proof = proof(from, to);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", ConsistencyVerifier.FORMAT);
        doc.put("nodeId", nodeId);
        put(doc.putObject("from"), older);
        put(doc.putObject("to"), newer);
        ArrayNode hashes = doc.putArray("proof");
        proof.forEach(hash -> hashes.add(HexFormat.of().formatHex(hash)));
        ArrayNode certificates = doc.putArray("certificates");
        for (X509Certificate certificate : chain) {
            try {
                certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("Cannot encode the gateway certificate", e);
            }
        }
        return doc;
    }

    private List<byte[]> proof(long from, long to) {
        try {
            return SubtreeProofs.consistencyProof(from, to, new StoredSubtrees(jdbc));
        } catch (GatewayException missing) {
            long purgedBelow = LogArchives.purgedBelow(jdbc);
            if (purgedBelow > 0 && missing.code() == ErrorCode.MESSAGE_LOG_ALTERED) {
                throw new GatewayException(ErrorCode.LOG_ARCHIVED, "The proof from size " + from + " needs entries "
                        + "below " + purgedBelow + ", which were archived and purged from the store; each archive "
                        + "carries its signed checkpoints and the frontier it continues from (verify them offline).");
            }
            throw missing;
        }
    }

    private static void put(ObjectNode node, DossierEvidence.Checkpoint checkpoint) {
        node.put("size", checkpoint.size());
        node.put("treeHead", checkpoint.treeHead());
        node.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
    }

    private DossierEvidence.Checkpoint checkpoint(long size) {
        return jdbc.query("SELECT tree_size, tree_head, signature FROM log_checkpoint WHERE node_id = ? AND tree_size = ?",
                (rs, i) -> new DossierEvidence.Checkpoint(rs.getLong(1), rs.getString(2), rs.getBytes(3)), nodeId, size)
                .stream().findFirst().orElseThrow(() -> new GatewayException(ErrorCode.CHECKPOINT_NOT_FOUND,
                        "No signed checkpoint of the message log has size " + size + "."));
    }

    private static long size(QueryParameters query, String name) {
        String value = query.text(name, SIZE, "must be the size of a signed checkpoint, a whole number");
        if (value == null) {
            if (query.text(name) == null) {
                query.problem(name, "is required: the size of a signed checkpoint");
            }
            return -1;
        }
        return Long.parseLong(value);
    }
}
