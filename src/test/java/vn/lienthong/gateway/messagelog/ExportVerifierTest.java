package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.messagelog.ExportFixture.Verdict;

/**
 * An export of a sealed log on H2 verifies offline, also when it starts in the middle of the log; an export altered
 * in any way fails and names the first bad entry or file; archives built to attack the reader are refused.
 */
class ExportVerifierTest {

    @TempDir
    static Path dir;
    static ExportFixture log;
    static Path export;
    static ExportManifest manifest;

    @BeforeAll
    static void sealedLogAndItsExport() throws IOException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("store/lienthong") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        log = new ExportFixture(h2).log(12).checkpointAll();
        export = dir.resolve("export.zip");
        manifest = log.export(null, null, export);
    }

    @Test
    void anUntouchedExportVerifiesWithOneSummaryLine() {
        Verdict verdict = ExportFixture.verify(export);

        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VALID: export of node gateway-1: entries 0.." + (log.size() - 1)
                + " (" + log.size() + " entries, " + log.size() + " in the requested range), 12 payloads (4 absent")
                .contains("chained to a trust anchor").doesNotContain("\n");
        assertThat(manifest.firstIndex()).isZero();
        assertThat(manifest.endIndex()).isEqualTo(log.size());
        assertThat(manifest.payloadsAbsent()).isEqualTo(4);
    }

    @Test
    void anExportStartingInTheMiddleOfTheLogVerifiesFromItsFrontier() throws IOException {
        Path middle = dir.resolve("middle.zip");
        ExportManifest m = log.export(log.timeOf(13), log.timeOf(22), middle);

        Verdict verdict = ExportFixture.verify(middle);

        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(m.firstIndex()).isEqualTo(13);
        assertThat(m.frontier()).hasSize(Long.bitCount(13));
        assertThat(m.endIndex()).isGreaterThanOrEqualTo(22).isLessThan(log.size());
        assertThat(m.entriesInRequestedRange()).isEqualTo(9);
        assertThat(verdict.output()).contains("entries 13.." + (m.endIndex() - 1));
    }

    @Test
    void anExportWithAnAlteredFrontierFailsAtItsFirstCheckpoint() throws IOException {
        Path middle = dir.resolve("middle-frontier.zip");
        ExportManifest m = log.export(log.timeOf(13), null, middle);
        byte[] forged = m.frontier().get(0).clone();
        forged[0] ^= 1;
        List<byte[]> frontier = new java.util.ArrayList<>(m.frontier());
        frontier.set(0, forged);
        ExportManifest altered = new ExportManifest(m.nodeId(), m.createdAt(), m.from(), m.to(), m.firstIndex(),
                m.endIndex(), frontier, m.entriesInRequestedRange(), m.notYetCheckpointed(), m.notYetSealed(),
                m.payloads(), m.payloadsAbsent(), m.largestPayloadBytes(), m.files());
        Path resigned = ExportFixture.rewrite(middle, dir.resolve("resigned.zip"), files -> {
            files.put(ExportLayout.MANIFEST, altered.toJson());
            files.put(ExportLayout.MANIFEST_SIGNATURE,
                    new vn.lienthong.gateway.signature.CmsSigner(ExportFixture.GATEWAY).signDetached(altered.toJson()));
        });

        Verdict verdict = ExportFixture.verify(resigned);

        assertThat(verdict.code()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("INVALID: file checkpoints/").contains("do not give the root signed")
                .contains("frontier");
    }

    @Test
    void namesAnEditedEntry() throws IOException {
        Verdict verdict = tampered("edited", files -> {
            List<String> lines = ExportFixture.lines(files);
            lines.set(7, lines.get(7).replace("\"sandbox-agency\"", "\"sandbox-agencY\""));
            files.put(ExportLayout.ENTRIES, ExportFixture.joined(lines));
        });

        assertThat(verdict.output()).startsWith("INVALID: entry 7: it was altered");
    }

    @Test
    void namesADeletedEntry() throws IOException {
        Verdict verdict = tampered("deleted", files -> {
            List<String> lines = ExportFixture.lines(files);
            lines.remove(5);
            files.put(ExportLayout.ENTRIES, ExportFixture.joined(lines));
        });

        assertThat(verdict.output()).isEqualTo("INVALID: entry 5: it is missing or out of place: the line at its place "
                + "holds entry 6");
    }

    @Test
    void namesTheFirstOfTwoSwappedEntries() throws IOException {
        Verdict verdict = tampered("swapped", files -> {
            List<String> lines = ExportFixture.lines(files);
            String third = lines.get(3);
            lines.set(3, lines.get(9));
            lines.set(9, third);
            files.put(ExportLayout.ENTRIES, ExportFixture.joined(lines));
        });

        assertThat(verdict.output()).startsWith("INVALID: entry 3: it is missing or out of place");
    }

    @Test
    void namesTheEntryWhoseLineWasCutOff() throws IOException {
        Verdict verdict = tampered("cut", files -> {
            byte[] entries = files.get(ExportLayout.ENTRIES);
            files.put(ExportLayout.ENTRIES, java.util.Arrays.copyOf(entries, entries.length - 10));
        });

        assertThat(verdict.output()).isEqualTo("INVALID: entry " + (log.size() - 1) + ": entries.jsonl ends in the "
                + "middle of its line");
    }

    @Test
    void namesAnEditedPayload() throws IOException {
        String[] name = new String[1];
        Verdict verdict = tampered("payload", files -> {
            name[0] = files.keySet().stream().filter(n -> n.startsWith("payloads/")).findFirst().orElseThrow();
            files.get(name[0])[2] ^= 1;
        });

        assertThat(verdict.output()).isEqualTo("INVALID: file " + name[0] + ": its content does not give the SHA-256 "
                + "it is named by: it was altered");
    }

    @Test
    void namesAnEditedCheckpointSignature() throws IOException {
        String[] name = new String[1];
        Verdict verdict = tampered("signature", files -> {
            name[0] = files.keySet().stream().filter(n -> n.endsWith(".p7s") && n.startsWith("checkpoints/"))
                    .findFirst().orElseThrow();
            byte[] signature = files.get(name[0]);
            signature[signature.length - 5] ^= 1;
        });

        assertThat(verdict.output()).startsWith("INVALID: file " + name[0] + ": its content is not the one the "
                + "signed manifest gives");
    }

    @Test
    void namesACheckpointSignedByAnotherKeyEvenWhenTheManifestListsIt() throws Exception {
        Map<String, byte[]> files = ExportFixture.read(export);
        String name = files.keySet().stream().filter(n -> n.startsWith("checkpoints/") && n.endsWith(".p7s"))
                .findFirst().orElseThrow();
        byte[] head = files.get(name.replace(".p7s", ".json"));
        byte[] forged = new vn.lienthong.gateway.signature.CmsSigner(new vn.lienthong.gateway.signature.SigningIdentity(
                java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(),
                ExportFixture.GATEWAY.chain())).signDetached(head);
        List<ExportManifest.ExportFile> listed = new java.util.ArrayList<>();
        for (ExportManifest.ExportFile file : manifest.files()) {
            listed.add(file.path().equals(name) ? new ExportManifest.ExportFile(name,
                    vn.lienthong.gateway.Sha256.hex(forged), forged.length) : file);
        }
        ExportManifest m = manifest;
        byte[] json = new ExportManifest(m.nodeId(), m.createdAt(), m.from(), m.to(), m.firstIndex(), m.endIndex(),
                m.frontier(), m.entriesInRequestedRange(), m.notYetCheckpointed(), m.notYetSealed(), m.payloads(),
                m.payloadsAbsent(), m.largestPayloadBytes(), listed).toJson();
        Verdict verdict = tampered("forged-checkpoint", f -> {
            f.put(name, forged);
            f.put(ExportLayout.MANIFEST, json);
            f.put(ExportLayout.MANIFEST_SIGNATURE, new vn.lienthong.gateway.signature.CmsSigner(ExportFixture.GATEWAY)
                    .signDetached(json));
        });

        assertThat(verdict.output()).startsWith("INVALID: file " + name + ": the signature does not verify");
    }

    @Test
    void refusesAnEditedManifest() throws IOException {
        Verdict verdict = tampered("manifest", files -> files.put(ExportLayout.MANIFEST,
                new String(files.get(ExportLayout.MANIFEST), StandardCharsets.UTF_8)
                        .replace("\"notYetSealed\" : 0", "\"notYetSealed\" : 1").getBytes(StandardCharsets.UTF_8)));

        assertThat(verdict.output()).startsWith("INVALID: manifest: its signature (manifest.p7s) does not verify");
    }

    @Test
    void namesAnEntryRewrittenWithItsRecordedLeaf() throws IOException {
        Verdict verdict = tampered("leaf", files -> {
            byte[] leaves = files.get(ExportLayout.LEAVES);
            leaves[32 * 4] ^= 1;
        });

        assertThat(verdict.output()).startsWith("INVALID: file leaves.bin: its content is not the one the signed "
                + "manifest gives");
    }

    @Test
    void namesAFileAddedToTheArchive() throws IOException {
        Verdict verdict = tampered("added", files -> files.put("checkpoints/3.json", "{}".getBytes()));

        assertThat(verdict.output()).isEqualTo("INVALID: file checkpoints/3.json: the signed manifest does not list it "
                + "(it was added)");
    }

    @Test
    void refusesAnArchiveWithAPathLeavingItsFolder() throws IOException {
        Verdict verdict = tampered("slip", files -> files.put("../../etc/cron.d/evil", "x".getBytes()));

        assertThat(verdict.code()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("INVALID: archive: the file name '../../etc/cron.d/evil' points outside");
    }

    @Test
    void refusesAnArchiveWithAnAbsolutePath() throws IOException {
        Verdict verdict = tampered("absolute", files -> files.put("/tmp/evil", "x".getBytes()));

        assertThat(verdict.output()).startsWith("INVALID: archive: the file name '/tmp/evil' points outside");
    }

    @Test
    void refusesAnArchiveHoldingAFileTwice() throws IOException {
        Map<String, byte[]> files = ExportFixture.read(export);
        List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>(files.entrySet());
        entries.add(Map.entry("entries.jsonX", "{}\n".getBytes()));
        Path twice = dir.resolve("twice.zip");
        ExportFixture.write(twice, entries);
        byte[] bytes = Files.readAllBytes(twice);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("entries.jsonX", "entries.jsonl");
        Files.write(twice, latin.getBytes(StandardCharsets.ISO_8859_1));

        Verdict verdict = ExportFixture.verify(twice);

        assertThat(verdict.code()).as(verdict.output() + verdict.errors()).isIn(1, 2);
        assertThat(verdict.output() + verdict.errors()).contains("entries.jsonl").contains("twice");
    }

    @Test
    void refusesAnOversizedManifestWithoutReadingIt() throws IOException {
        Verdict verdict = tampered("oversized", files -> {
            byte[] huge = new byte[ExportLayout.MAX_MANIFEST_BYTES + 1];
            java.util.Arrays.fill(huge, (byte) ' ');
            files.put(ExportLayout.MANIFEST, huge);
        });

        assertThat(verdict.code()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("INVALID: file manifest.json: the archive declares it 16777217 bytes, "
                + "more than the 16777216 it may have");
    }

    @Test
    void answersTwoForAFileThatIsNoArchive() throws IOException {
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0, 0});

        assertThat(ExportFixture.verify(broken).code()).isEqualTo(2);
    }

    private static Verdict tampered(String name, java.util.function.Consumer<Map<String, byte[]>> change)
            throws IOException {
        Verdict verdict = ExportFixture.verify(ExportFixture.rewrite(export, dir.resolve(name + ".zip"), change));
        assertThat(verdict.code()).as(verdict.output()).isEqualTo(1);
        return verdict;
    }
}
