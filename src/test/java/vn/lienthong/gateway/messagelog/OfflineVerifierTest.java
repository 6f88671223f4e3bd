package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.messagelog.merkle.MerkleTree;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/** The offline verifier accepts untouched evidence and names the first entry, or the checkpoint, of altered evidence. */
class OfflineVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOSSIER_A = "000.00.17.H56-240101-0001";
    private static final String DOSSIER_B = "000.00.17.H56-240101-0002";
    private static final Path TRUST = Path.of("certs-sample/trust-anchors.pem");
    private static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
            "sandbox".toCharArray(), null);

    @TempDir
    Path dir;

    /** A log of 11 entries alternating between dossiers A and B, checkpointed at 9; evidence for A. */
    private static ObjectNode evidence(SigningIdentity signer) {
        List<byte[]> log = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            log.add(new LogEntry("gateway-1", i, i + 1, Instant.parse("2024-01-01T01:00:00Z").plusSeconds(i),
                    i % 3 == 0 ? "RECEIVED" : "QUEUED", "OUTBOUND", "REST", "m-" + (i % 2), i % 2 == 0 ? DOSSIER_A : DOSSIER_B, null,
                    "sandbox-agency", "127.0.0.1", "DVCQG", null, "đã nhận " + i, null).canonicalBytes());
        }
        long size = 9;
        MerkleTree tree = MerkleTree.ofEntries(log);
        TreeHead head = new TreeHead("gateway-1", size, tree.root(size), Instant.now());
        byte[] signature = new CmsSigner(signer).signDetached(head.canonicalBytes());
        List<DossierEvidence.Proven> proven = new ArrayList<>();
        List<DossierEvidence.Sealed> later = new ArrayList<>();
        for (int i = 0; i < log.size(); i += 2) {
            if (i < size) {
                proven.add(new DossierEvidence.Proven(i, log.get(i), tree.inclusionProof(i, size)));
            } else {
                later.add(new DossierEvidence.Sealed(i, log.get(i)));
            }
        }
        return DossierEvidence.document(DOSSIER_A, new DossierEvidence.Checkpoint(size, head.toString(), signature),
                signer.chain(), proven, later);
    }

    private Result verify(ObjectNode document, String... options) throws IOException {
        Path file = dir.resolve("evidence.json");
        Files.write(file, JSON.writeValueAsBytes(document));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(List.of(options));
        int code = OfflineVerifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim());
    }

    private record Result(int code, String output) {
    }

    @Test
    void acceptsUntouchedEvidenceChainedToTheTrustAnchor() throws IOException {
        Result result = verify(evidence(GATEWAY), "--trust", TRUST.toString());

        assertThat(result.code()).isZero();
        assertThat(result.output()).startsWith("VALID: evidence for " + DOSSIER_A + ": 5 entries, checkpoint size 9 "
                + "signed at 20").contains("CN=SAMPLE Lien thong Gateway signing")
                .contains("chained to a trust anchor").contains("1 later entries not yet checkpointed");
    }

    @Test
    void saysSoWhenNoTrustAnchorWasGiven() throws IOException {
        Result result = verify(evidence(GATEWAY));

        assertThat(result.code()).isZero();
        assertThat(result.output()).startsWith("VALID: ").contains("NOT checked against a trust anchor");
    }

    @Test
    void namesTheEntryWhoseCanonicalTextWasEdited() throws IOException {
        ObjectNode document = evidence(GATEWAY);
        ObjectNode entry = (ObjectNode) document.path("entries").get(2);
        entry.put("canonical", entry.path("canonical").asText().replace("đã nhận 4", "đã nhận 5"));

        Result result = verify(document, "--trust", TRUST.toString());

        assertThat(result.code()).isNotZero();
        assertThat(result.output()).startsWith("INVALID: entry 4: ").contains("inclusion proof");
    }

    @Test
    void namesTheEntryWhoseProofWasEdited() throws IOException {
        ObjectNode document = evidence(GATEWAY);
        ArrayNode proof = (ArrayNode) document.path("entries").get(1).path("proof");
        String hash = proof.get(0).asText();
        proof.set(0, (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1));

        Result result = verify(document, "--trust", TRUST.toString());

        assertThat(result.code()).isNotZero();
        assertThat(result.output()).startsWith("INVALID: entry 2: ");
    }

    @Test
    void refusesATreeHeadWithAnEditedSizeOrRoot() throws IOException {
        ObjectNode sizeEdited = evidence(GATEWAY);
        ObjectNode checkpoint = (ObjectNode) sizeEdited.path("checkpoint");
        checkpoint.put("treeHead", checkpoint.path("treeHead").asText().replace("\"size\":9", "\"size\":10"));
        ObjectNode rootEdited = evidence(GATEWAY);
        checkpoint = (ObjectNode) rootEdited.path("checkpoint");
        String head = checkpoint.path("treeHead").asText();
        int r = head.indexOf("\"root\":\"") + 8;
        checkpoint.put("treeHead", head.substring(0, r) + (head.charAt(r) == 'a' ? 'b' : 'a') + head.substring(r + 1));

        for (ObjectNode document : List.of(sizeEdited, rootEdited)) {
            Result result = verify(document, "--trust", TRUST.toString());
            assertThat(result.code()).isNotZero();
            assertThat(result.output()).startsWith("INVALID: checkpoint: the signature does not verify");
        }
    }

    @Test
    void refusesAnEditedSignature() throws IOException {
        ObjectNode document = evidence(GATEWAY);
        ObjectNode checkpoint = (ObjectNode) document.path("checkpoint");
        byte[] signature = Base64.getDecoder().decode(checkpoint.path("signature").asText());
        signature[signature.length - 5] ^= 0x01;
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signature));

        Result result = verify(document, "--trust", TRUST.toString());

        assertThat(result.code()).isNotZero();
        assertThat(result.output()).startsWith("INVALID: checkpoint: ");
    }

    @Test
    void refusesEvidenceOfOneDossierPassedOffAsAnothers() throws IOException {
        ObjectNode document = evidence(GATEWAY);
        document.put("dossierCode", DOSSIER_B);

        Result result = verify(document, "--trust", TRUST.toString());

        assertThat(result.code()).isNotZero();
        assertThat(result.output()).isEqualTo("INVALID: entry 0: it belongs to dossier " + DOSSIER_A + ", not "
                + DOSSIER_B);
    }

    @Test
    void refusesASignerThatDoesNotChainToTheTrustAnchor() throws Exception {
        ObjectNode document = evidence(selfSigned());

        Result trusted = verify(document, "--trust", TRUST.toString());
        Result untrusted = verify(document);

        assertThat(trusted.code()).isNotZero();
        assertThat(trusted.output()).startsWith("INVALID: checkpoint: the signer's certificate does not chain");
        assertThat(untrusted.code()).isZero();
        assertThat(untrusted.output()).contains("NOT checked against a trust anchor");
    }

    @Test
    void answersTwoWhenTheFileCannotBeRead() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);

        assertThat(OfflineVerifier.run(new String[] {dir.resolve("missing.json").toString()}, print, print)).isEqualTo(2);
        assertThat(OfflineVerifier.run(new String[0], print, print)).isEqualTo(2);
    }

    private static SigningIdentity selfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Impostor gateway");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(Instant.parse("2020-01-01T00:00:00Z")),
                Date.from(Instant.parse("2040-01-01T00:00:00Z")), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new SigningIdentity(keys.getPrivate(), List.of(certificate));
    }
}
