package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.MerkleProofs;
import vn.lienthong.gateway.signature.CmsVerifier;

/**
 * Checks a {@value DossierEvidence#FORMAT} evidence document without the gateway, its database or the network:
 * {@code java -jar lienthong-gateway.jar verify FILE [--trust ANCHORS.pem]}. The checkpoint's signature must verify
 * over its tree head with the first certificate given, which must chain (PKIX, at the checkpoint's time, no
 * revocation check) to an anchor of the {@code --trust} bundle when one is given; every entry must be in canonical
 * form, belong to the document's dossier, lie inside the checkpoint and have an inclusion proof leading to the signed
 * root. Exit code 0 with {@code VALID: …}, 1 with {@code INVALID: …} naming the first bad entry or the checkpoint,
 * 2 when the command or its files cannot be read.
 */
public final class OfflineVerifier {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROGRESS_EVERY = 100_000;
    private static final String USAGE = "usage: java -jar lienthong-gateway.jar verify EVIDENCE.json [--trust ANCHORS.pem]";

    private OfflineVerifier() {
    }

    /** Runs the verifier on the arguments that follow {@code verify}, and answers its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path evidence = null;
        Path trust = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trust") && i + 1 < args.length) {
                trust = Path.of(args[++i]);
            } else if (evidence == null && !args[i].startsWith("--")) {
                evidence = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return UNUSABLE;
            }
        }
        if (evidence == null) {
            err.println(USAGE);
            return UNUSABLE;
        }
        JsonNode document;
        List<X509Certificate> anchors = null;
        try {
            document = JSON.readTree(evidence.toFile());
            if (trust != null) {
                anchors = readPem(trust);
                if (anchors.isEmpty()) {
                    err.println("no certificate in " + trust);
                    return UNUSABLE;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            err.println("cannot read the evidence or the trust anchors: " + e.getMessage());
            return UNUSABLE;
        }
        try {
            out.println("VALID: " + verify(document, anchors, err));
            return VALID;
        } catch (Invalid e) {
            out.println("INVALID: " + e.getMessage());
            return INVALID;
        }
    }

    /** Checks an evidence document and answers the summary, or throws {@link Invalid} naming the first problem. */
    static String verify(JsonNode document, List<X509Certificate> anchors, PrintStream progress) throws Invalid {
        if (document == null || !DossierEvidence.FORMAT.equals(document.path("format").asText(null))) {
            throw new Invalid("not a " + DossierEvidence.FORMAT + " evidence document");
        }
        String dossierCode = document.path("dossierCode").asText(null);
        if (dossierCode == null || dossierCode.isEmpty()) {
            throw new Invalid("the document names no dossier");
        }
        JsonNode checkpoint = document.path("checkpoint");
        if (!checkpoint.isObject()) {
            throw new Invalid("checkpoint: there is none; no entry of this dossier is covered by a signed checkpoint yet");
        }
        List<X509Certificate> certificates = certificates(document.path("certificates"));
        String headText = checkpoint.path("treeHead").asText(null);
        byte[] signature = base64(checkpoint.path("signature"), "checkpoint: the signature is not base64");
        if (headText == null) {
            throw new Invalid("checkpoint: it has no tree head");
        }
        if (!CmsVerifier.verifiesDetached(headText.getBytes(StandardCharsets.US_ASCII), signature, certificates.get(0))) {
            throw new Invalid("checkpoint: the signature does not verify over the tree head with the certificate "
                    + "given (the tree head or the signature was altered, or another key signed it)");
        }
        TreeHead head = treeHead(headText);
        if (checkpoint.has("size") && checkpoint.path("size").asLong(-1) != head.size()) {
            throw new Invalid("checkpoint: its size field does not match the signed tree head");
        }
        String trustNote;
        if (anchors == null) {
            trustNote = " (the signer was NOT checked against a trust anchor: no --trust given)";
        } else {
            checkChain(certificates, anchors, head.time());
            trustNote = ", chained to a trust anchor";
        }
        JsonNode entries = document.path("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new Invalid("the document holds no entry covered by the checkpoint");
        }
        long previous = -1;
        int position = 0;
        for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); position++) {
            JsonNode entry = it.next();
            previous = checkEntry(entry, position, previous, dossierCode, head);
            if ((position + 1) % PROGRESS_EVERY == 0) {
                progress.println("verified " + (position + 1) + " of " + entries.size() + " entries");
            }
        }
        int later = document.path("notYetCheckpointed").size();
        return "evidence for " + dossierCode + ": " + entries.size() + " entries, checkpoint size " + head.size()
                + " signed at " + headTime(headText) + " by " + certificates.get(0).getSubjectX500Principal().getName()
                + trustNote + (later > 0 ? "; " + later + " later entries not yet checkpointed (not verified)" : "");
    }

    private static long checkEntry(JsonNode entry, int position, long previous, String dossierCode, TreeHead head)
            throws Invalid {
        JsonNode indexNode = entry.path("index");
        if (!indexNode.canConvertToLong() || !indexNode.isIntegralNumber()) {
            throw new Invalid("entry #" + position + " of the list: it has no index");
        }
        long index = indexNode.asLong();
        String name = "entry " + index + ": ";
        if (index <= previous) {
            throw new Invalid(name + "listed out of order or twice");
        }
        if (index < 0 || index >= head.size()) {
            throw new Invalid(name + "its index is outside the checkpoint of size " + head.size());
        }
        String canonical = entry.path("canonical").asText(null);
        if (canonical == null) {
            throw new Invalid(name + "it has no canonical form");
        }
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        LogEntry parsed;
        try {
            parsed = LogEntry.parse(canonical);
        } catch (LogEntry.NotCanonical e) {
            throw new Invalid(name + e.getMessage());
        }
        if (parsed.index() != index) {
            throw new Invalid(name + "its canonical form gives index " + parsed.index());
        }
        if (!dossierCode.equals(parsed.dossierCode())) {
            throw new Invalid(name + "it belongs to dossier " + parsed.dossierCode() + ", not " + dossierCode);
        }
        List<byte[]> proof = new ArrayList<>();
        JsonNode proofNode = entry.path("proof");
        if (!proofNode.isArray()) {
            throw new Invalid(name + "it has no inclusion proof");
        }
        for (JsonNode hash : proofNode) {
            try {
                proof.add(HexFormat.of().parseHex(hash.asText("")));
            } catch (IllegalArgumentException e) {
                throw new Invalid(name + "its inclusion proof holds a hash that is not hex");
            }
        }
        if (!MerkleProofs.verifyInclusion(MerkleHash.leaf(bytes), index, head.size(), proof, head.root())) {
            throw new Invalid(name + "its inclusion proof does not lead to the signed root (the entry or its proof "
                    + "was altered)");
        }
        return index;
    }

    private static TreeHead treeHead(String text) throws Invalid {
        try {
            JsonNode h = JSON.readTree(text);
            TreeHead head = new TreeHead(h.path("nodeId").asText(null), h.path("size").asLong(-1),
                    HexFormat.of().parseHex(h.path("root").asText("")), Instant.parse(h.path("time").asText("")));
            if (!Arrays.equals(head.canonicalBytes(), text.getBytes(StandardCharsets.US_ASCII))) {
                throw new Invalid("checkpoint: the tree head is not in canonical form");
            }
            return head;
        } catch (IOException | RuntimeException e) {
            throw new Invalid("checkpoint: the tree head cannot be read: " + e.getMessage());
        }
    }

    private static String headTime(String text) {
        try {
            return JSON.readTree(text).path("time").asText();
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<X509Certificate> certificates(JsonNode node) throws Invalid {
        if (!node.isArray() || node.isEmpty()) {
            throw new Invalid("checkpoint: the document gives no signer certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode c : node) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                        base64(c, "checkpoint: a certificate is not base64"))));
            }
        } catch (GeneralSecurityException e) {
            throw new Invalid("checkpoint: a certificate cannot be read: " + e.getMessage());
        }
        return certificates;
    }

    private static void checkChain(List<X509Certificate> certificates, List<X509Certificate> anchors, Instant at)
            throws Invalid {
        try {
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trustAnchors.add(new TrustAnchor(anchor, null));
            }
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : certificates) {
                if (!anchors.contains(c)) {
                    path.add(c);
                }
            }
            if (path.isEmpty()) {
                return;
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            throw new Invalid("checkpoint: the signer's certificate does not chain to a trust anchor: " + e.getMessage());
        }
    }

    private static byte[] base64(JsonNode node, String problem) throws Invalid {
        try {
            return Base64.getDecoder().decode(node.asText(""));
        } catch (IllegalArgumentException e) {
            throw new Invalid(problem);
        }
    }

    private static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        }
    }

    /** What makes an evidence document invalid. */
    static final class Invalid extends Exception {

        Invalid(String message) {
            super(message);
        }
    }
}
