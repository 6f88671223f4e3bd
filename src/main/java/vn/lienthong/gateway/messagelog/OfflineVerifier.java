package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.MerkleProofs;
import vn.lienthong.gateway.signature.TimestampTokens;
import vn.lienthong.gateway.signature.TimestampVerdict;

/**
 * Checks what the gateway gives auditors without the gateway, its database or the network:
 * {@code java -jar lienthong-gateway.jar verify FILE [--trust ANCHORS.pem]}, where FILE is an export archive (a ZIP,
 * see {@link ExportVerifier}), a consistency proof (see {@link ConsistencyVerifier}) or the evidence of a dossier
 * ({@value DossierEvidence#FORMAT}), told apart by their content. For evidence, the checkpoint's signature must verify
 * over its tree head with the first certificate given, which must chain (PKIX, at the checkpoint's time, no
 * revocation check) to an anchor of the {@code --trust} bundle when one is given; every entry must be in canonical
 * form, belong to the document's dossier, lie inside the checkpoint and have an inclusion proof leading to the signed
 * root. Exit code 0 with {@code VALID: …}, 1 with {@code INVALID: …} naming the first bad entry, file or
 * checkpoint, 2 when the command or its files cannot be read.
 */
public final class OfflineVerifier {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROGRESS_EVERY = 100_000;
    private static final String USAGE = "usage: java -jar lienthong-gateway.jar verify EVIDENCE.json|EXPORT.zip|CONSISTENCY.json "
            + "[--trust ANCHORS.pem]";

    private OfflineVerifier() {
    }

    /** Runs the verifier on the arguments that follow {@code verify}, and answers its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path trust = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--trust") && i + 1 < args.length) {
                trust = Path.of(args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                err.println(USAGE);
                return UNUSABLE;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return UNUSABLE;
        }
        List<X509Certificate> anchors = null;
        try {
            if (trust != null) {
                anchors = SignerTrust.readPem(trust);
                if (anchors.isEmpty()) {
                    err.println("no certificate in " + trust);
                    return UNUSABLE;
                }
            }
            if (isZip(file)) {
                try (ExportArchive archive = ExportArchive.open(file)) {
                    return valid(out, new ExportVerifier(archive, anchors, err).verify());
                }
            }
            JsonNode document = JSON.readTree(file.toFile());
            if (ConsistencyVerifier.FORMAT.equals(document == null ? null : document.path("format").asText(null))) {
                return valid(out, ConsistencyVerifier.verify(document, anchors));
            }
            return valid(out, verify(document, anchors, err));
        } catch (Invalid e) {
            out.println("INVALID: " + e.getMessage());
            return INVALID;
        } catch (IOException | GeneralSecurityException e) {
            err.println("cannot read " + file + " or the trust anchors: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int valid(PrintStream out, String summary) {
        out.println("VALID: " + summary);
        return VALID;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
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
        List<X509Certificate> certificates = certificates(document.path("certificates"), "checkpoint");
        String headText = checkpoint.path("treeHead").asText(null);
        byte[] signature = base64(checkpoint.path("signature"), "checkpoint: the signature is not base64");
        TreeHead head = SignedTreeHead.verify(headText, signature, certificates.get(0), "checkpoint").head();
        if (checkpoint.has("size") && checkpoint.path("size").asLong(-1) != head.size()) {
            throw new Invalid("checkpoint: its size field does not match the signed tree head");
        }
        if (anchors != null) {
            SignerTrust.checkChain(certificates, anchors, head.time(), "checkpoint");
        }
        String trustNote = SignerTrust.note(anchors) + timestampNote(checkpoint, signature, anchors);
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

    /**
     * Checks the checkpoint's RFC 3161 timestamp, when the document has one, against the {@code --trust} anchors (the
     * timestamping authority must chain to one of them); without {@code --trust} it is reported as not checked.
     */
    private static String timestampNote(JsonNode checkpoint, byte[] signature, List<X509Certificate> anchors)
            throws Invalid {
        if (!checkpoint.has("timestamp")) {
            return "";
        }
        byte[] token = base64(checkpoint.path("timestamp"), "checkpoint: the timestamp is not base64");
        if (anchors == null) {
            return "; its RFC 3161 timestamp not checked (give --trust)";
        }
        TimestampVerdict verdict = TimestampTokens.verify(token, signature, anchors);
        if (!verdict.valid()) {
            throw new Invalid("checkpoint: its RFC 3161 timestamp is not valid: " + verdict.problem());
        }
        return "; timestamped at " + verdict.time() + " by " + verdict.authority();
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

    private static String headTime(String text) {
        try {
            return JSON.readTree(text).path("time").asText();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The base64 DER certificates of a document, signer first; {@code where} starts the error message. */
    static List<X509Certificate> certificates(JsonNode node, String where) throws Invalid {
        if (!node.isArray() || node.isEmpty()) {
            throw new Invalid(where + ": the document gives no signer certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (JsonNode c : node) {
            certificates.add(SignerTrust.certificate(base64(c, where + ": a certificate is not base64"), where));
        }
        return certificates;
    }

    static byte[] base64(JsonNode node, String problem) throws Invalid {
        try {
            return Base64.getDecoder().decode(node.asText(""));
        } catch (IllegalArgumentException e) {
            throw new Invalid(problem);
        }
    }

    /** What makes an evidence document, an export or a consistency proof invalid: the first problem found. */
    static final class Invalid extends Exception {

        Invalid(String message) {
            super(message);
        }
    }
}
