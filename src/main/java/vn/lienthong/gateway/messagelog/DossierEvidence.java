package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.PathParameters;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.MerkleProofs;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * {@code GET /audit/evidence/{dossierCode}}: the sealed entries of one dossier, each with its inclusion proof in the
 * tree of the latest signed checkpoint, that checkpoint's tree head and signature, and the gateway's certificate
 * chain, as one {@value #FORMAT} document that {@link OfflineVerifier} checks without the gateway. The proofs are
 * built from the stored subtrees, O(log n) hashes each, and checked against the signed root before they are given.
 */
@Component("dossierEvidence")
public class DossierEvidence {

    /** The format name of an evidence document. */
    public static final String FORMAT = "lienthong-evidence/1";

    private final JdbcTemplate jdbc;
    private final StoredSubtrees subtrees;
    private final MessageStore store;
    private final List<X509Certificate> chain;

    DossierEvidence(JdbcTemplate jdbc, MessageStore store, SigningIdentity gatewaySigningIdentity) {
        this.jdbc = jdbc;
        this.subtrees = new StoredSubtrees(jdbc);
        this.store = store;
        this.chain = gatewaySigningIdentity.chain();
    }

    /** Puts the evidence document of the dossier named by the {@code dossierCode} path parameter in the body. */
    public void evidence(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        ObjectNode document = evidenceFor(dossierCode);
        ClientIdentity auditor = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        store.recordAuditAction(auditor.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                "took the evidence of dossier " + dossierCode + ": " + document.path("entries").size()
                        + " entries under the checkpoint of size " + document.path("checkpoint").path("size").asLong()
                        + ", " + document.path("notYetCheckpointed").size() + " not yet checkpointed");
        exchange.getIn().setBody(document);
    }

    /** The evidence document of one dossier; 404 when none of its entries is sealed yet. */
    ObjectNode evidenceFor(String dossierCode) {
        SignedRoot latest = latestCheckpoint();
        Checkpoint checkpoint = latest == null ? null : latest.checkpoint();
        long size = checkpoint == null ? 0 : checkpoint.size();
        Map<Long, Sealed> byIndex = new TreeMap<>();
        RowCallbackHandler sealed = rs -> {
            long index = rs.getLong("log_index");
            byIndex.put(index, new Sealed(index, MessageLogRows.entry(rs, rs.getString("node_id"), index).canonicalBytes()));
        };
        String select = "SELECT " + MessageLogRows.columnsOf("e") + ", l.node_id, l.log_index ";
        jdbc.query(select + "FROM message_event e JOIN log_leaf l ON l.seq = e.seq WHERE e.dossier_code = ?", sealed,
                dossierCode);
        jdbc.query(select + """
                FROM message m JOIN message_event e ON e.message_id = m.message_id JOIN log_leaf l ON l.seq = e.seq
                WHERE m.dossier_code = ?""", sealed, dossierCode);
        List<Sealed> entries = List.copyOf(byIndex.values());
        if (entries.isEmpty()) {
            throw new GatewayException(ErrorCode.NOT_FOUND, "No sealed message-log entry for this dossier.");
        }
        List<Sealed> covered = entries.stream().filter(e -> e.index() < size).toList();
        List<Sealed> later = entries.stream().filter(e -> e.index() >= size).toList();
        List<List<byte[]>> proofs = SubtreeProofs.inclusionProofs(covered.stream().map(Sealed::index).toList(), size,
                subtrees);
        List<Proven> proven = new ArrayList<>(covered.size());
        for (int i = 0; i < covered.size(); i++) {
            Sealed e = covered.get(i);
            if (!MerkleProofs.verifyInclusion(MerkleHash.leaf(e.canonical()), e.index(), size, proofs.get(i),
                    latest.root())) {
                throw StoredSubtrees.altered("entry " + e.index() + " is not in the tree of the checkpoint at size " + size);
            }
            proven.add(new Proven(e.index(), e.canonical(), proofs.get(i)));
        }
        return document(dossierCode, checkpoint, chain, proven, later);
    }

    /** Writes an evidence document; {@code checkpoint} may be null when no checkpoint was signed yet. */
    static ObjectNode document(String dossierCode, Checkpoint checkpoint, List<X509Certificate> chain,
                               List<Proven> entries, List<Sealed> notYetCheckpointed) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", FORMAT);
        doc.put("dossierCode", dossierCode);
        if (checkpoint == null) {
            doc.putNull("checkpoint");
        } else {
            ObjectNode c = doc.putObject("checkpoint");
            c.put("size", checkpoint.size());
            c.put("treeHead", checkpoint.treeHead());
            c.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
            if (checkpoint.timestampToken() != null) {
                c.put("timestamp", Base64.getEncoder().encodeToString(checkpoint.timestampToken()));
            }
        }
        ArrayNode certificates = doc.putArray("certificates");
        for (X509Certificate certificate : chain) {
            try {
                certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("Cannot encode the gateway certificate", e);
            }
        }
        ArrayNode list = doc.putArray("entries");
        for (Proven e : entries) {
            ObjectNode entry = list.addObject();
            entry.put("index", e.index());
            entry.put("canonical", new String(e.canonical(), StandardCharsets.UTF_8));
            ArrayNode proof = entry.putArray("proof");
            e.proof().forEach(hash -> proof.add(HexFormat.of().formatHex(hash)));
        }
        ArrayNode later = doc.putArray("notYetCheckpointed");
        for (Sealed e : notYetCheckpointed) {
            ObjectNode entry = later.addObject();
            entry.put("index", e.index());
            entry.put("canonical", new String(e.canonical(), StandardCharsets.UTF_8));
        }
        return doc;
    }

    private SignedRoot latestCheckpoint() {
        List<SignedRoot> latest = jdbc.query("""
                SELECT tree_size, tree_head, signature, root, timestamp_token FROM log_checkpoint
                ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> new SignedRoot(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getBytes(3),
                        rs.getBytes(5)), HexFormat.of().parseHex(rs.getString(4))));
        return latest.isEmpty() ? null : latest.get(0);
    }

    /**
     * A signed checkpoint: the tree head exactly as signed, its detached CMS signature, and the RFC 3161 timestamp
     * token over that signature (null when it has none).
     */
    record Checkpoint(long size, String treeHead, byte[] signature, byte[] timestampToken) {

        Checkpoint(long size, String treeHead, byte[] signature) {
            this(size, treeHead, signature, null);
        }
    }

    /** The latest checkpoint and the root its tree head signs. */
    private record SignedRoot(Checkpoint checkpoint, byte[] root) {
    }

    /** A sealed entry: its index and canonical bytes. */
    record Sealed(long index, byte[] canonical) {
    }

    /** A sealed entry under the checkpoint, with its inclusion proof. */
    record Proven(long index, byte[] canonical, List<byte[]> proof) {
    }
}
