package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.PostgresSchema;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.messagelog.merkle.MerkleTree;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;

/**
 * The export and the consistency proof on PostgreSQL: read through cursors in one read-only transaction, a whole-log
 * export and one starting in the middle verify offline, and a consistency proof read page by page verifies too.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresAuditExportTest {

    @TempDir
    static Path dir;
    static PostgresSchema schema;
    static ExportFixture log;

    @BeforeAll
    static void sealedLog() {
        schema = PostgresSchema.migrated("lienthong_export_");
        log = new ExportFixture(schema.dataSource()).log(10).checkpointAll();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void exportsOfTheWholeLogAndOfItsMiddleVerifyOffline() throws Exception {
        Path whole = dir.resolve("whole.zip");
        Path middle = dir.resolve("middle.zip");
        ExportManifest all = log.export(null, null, whole);
        ExportManifest part = log.export(log.timeOf(9), log.timeOf(17), middle);

        ExportFixture.Verdict wholeVerdict = ExportFixture.verify(whole);
        ExportFixture.Verdict middleVerdict = ExportFixture.verify(middle);

        assertThat(wholeVerdict.code()).as(wholeVerdict.output()).isZero();
        assertThat(middleVerdict.code()).as(middleVerdict.output()).isZero();
        assertThat(all.entries()).isEqualTo(log.size());
        assertThat(all.payloads()).isEqualTo(10);
        assertThat(all.payloadsAbsent()).isEqualTo(3);
        assertThat(part.firstIndex()).isEqualTo(9);
        assertThat(Files.size(middle)).isLessThan(Files.size(whole));
    }

    @Test
    void aConsistencyProofReadPageByPageVerifiesOffline() throws Exception {
        List<Long> sizes = log.jdbc.queryForList("SELECT tree_size FROM log_checkpoint ORDER BY tree_size", Long.class);
        long older = sizes.get(1);
        long newer = sizes.get(sizes.size() - 1);
        GatewayProperties properties = new GatewayProperties();
        AuditConsistency consistency = new AuditConsistency(log.jdbc, log.store, properties, ExportFixture.GATEWAY);

        Path file = dir.resolve("consistency.json");
        Files.write(file, vn.lienthong.gateway.Samples.JSON.writeValueAsBytes(consistency.document(older, newer)));
        ExportFixture.Verdict verdict = ExportFixture.verify(file);

        assertThat(verdict.code()).as(verdict.output()).isZero();
        List<byte[]> leaves = log.jdbc.queryForList("SELECT leaf_hash FROM log_leaf WHERE log_index < ? "
                + "ORDER BY log_index", String.class, newer).stream().map(HexFormat.of()::parseHex).toList();
        assertThat(SubtreeProofs.consistencyProof(older, newer, new StoredSubtrees(log.jdbc)))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(MerkleTree.ofLeafHashes(leaves).consistencyProof(older, newer));
    }
}
