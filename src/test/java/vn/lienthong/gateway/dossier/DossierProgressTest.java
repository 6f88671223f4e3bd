package vn.lienthong.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * {@code POST /api/v1/dossiers/{dossierCode}/progress}: legal steps reach DVCQG as CapNhatTienDoHoSoMC after the
 * dossier's own sync and move its state; illegal steps are refused with 409, stored nowhere and recorded.
 */
class DossierProgressTest extends GatewayEndToEndTest {

    @AfterEach
    void healthySimulator() {
        simulator.reset();
    }

    @Test
    void deliversALegalStepAsCapNhatTienDoHoSoMCWithTheMappedFields() throws Exception {
        String dossierCode = syncedDossier("ACCEPTED");

        HttpResponse<String> accepted = progress(dossierCode, Files.readString(Path.of("samples/progress.json")));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String messageId = Samples.JSON.readTree(accepted.body()).path("messageId").asText();
        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("kind").asText()).isEqualTo("PROGRESS");
        JsonNode envelope = simulator.recordsFor(dossierCode).get(1);
        assertThat(envelope.path("service").asText()).isEqualTo("CapNhatTienDoHoSoMC");
        assertThat(envelope.path("idempotencyKey").asText()).isEqualTo(messageId);
        JsonNode record = envelope.path("record");
        assertThat(record.path("MaHoSo").asText()).isEqualTo(dossierCode);
        assertThat(record.path("NguoiXuLy").asText()).isEqualTo("Nguyễn Thị Lan");
        assertThat(record.path("ChucDanh").asText()).isEqualTo("Công chức Tư pháp - Hộ tịch");
        assertThat(record.path("ThoiDiemXuLy").asText()).isEqualTo("20240102083000");
        assertThat(record.path("PhongBanXuLy").asText()).isEqualTo("Bộ phận Tư pháp - Hộ tịch");
        assertThat(record.path("NoiDungXuLy").asText()).isEqualTo("Đang thẩm định hồ sơ");
        assertThat(record.path("TrangThai").asText()).isEqualTo("4");
        assertThat(record.path("NgayBatDau").asText()).isEqualTo("20240102083000");
        assertThat(record.path("NgayKetThucTheoQuyDinh").asText()).isEqualTo("20240103170000");
        assertThat(stateOf(dossierCode)).isEqualTo("PROCESSING");
    }

    @Test
    void refusesAnIllegalStepWith409AndStoresNothing() throws Exception {
        String dossierCode = syncedDossier("ACCEPTED");
        long messages = count("SELECT COUNT(*) FROM message");
        long enqueued = queues.messagesAdded(QueueProbe.DVCQG);

        HttpResponse<String> refused = progress(dossierCode, step("RETURNED"));

        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = Samples.JSON.readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("STATUS_TRANSITION_ILLEGAL");
        assertThat(problem.path("detail").asText()).contains("ACCEPTED").contains("RETURNED");
        assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(messages);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueued);
        assertThat(stateOf(dossierCode)).isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("""
                SELECT reason_code FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""", String.class)).isEqualTo("STATUS_TRANSITION_ILLEGAL");
    }

    @Test
    void followsTheTableStepByStepAndRefusesAnythingAfterAFinalStatus() throws Exception {
        String dossierCode = syncedDossier("NEW");
        for (String status : List.of("ACCEPTED", "PROCESSING", "SUPPLEMENT_REQUESTED", "PROCESSING", "DONE",
                "RETURNED")) {
            assertThat(progress(dossierCode, step(status)).statusCode()).as(status).isEqualTo(202);
        }

        assertThat(progress(dossierCode, step("PROCESSING")).statusCode()).isEqualTo(409);
        assertThat(stateOf(dossierCode)).isEqualTo("RETURNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.recordsFor(dossierCode).size() == 7);
        assertThat(simulator.recordsFor(dossierCode)).extracting(r -> r.path("record").path("TrangThai").asText(
                r.path("record").path("TrangThaiHoSo").asText())).containsExactly("1", "2", "4", "5", "4", "9", "10");
    }

    @Test
    void aStepPostedWhileTheSyncWaitsForARetryStillArrivesAfterIt() throws Exception {
        simulator.faults("{\"failNext\":2,\"status\":503}");
        ObjectNode dossier = Samples.freshDossier();
        String dossierCode = dossier.path("dossierCode").asText();
        String syncId = gateway.accept(dossier);

        HttpResponse<String> accepted = progress(dossierCode, step("PROCESSING"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        gateway.awaitState(Samples.JSON.readTree(accepted.body()).path("messageId").asText(), "DELIVERED");
        gateway.awaitState(syncId, "DELIVERED");
        assertThat(simulator.recordsFor(dossierCode)).extracting(r -> r.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    @Test
    void refusesAStepForADossierTheGatewayNeverSynced() throws Exception {
        HttpResponse<String> refused = progress(Samples.nextDossierCode(), step("ACCEPTED"));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Samples.JSON.readTree(refused.body()).path("code").asText()).isEqualTo("DOSSIER_UNKNOWN");
    }

    @Test
    void refusesAnInvalidStepListingEachViolation() throws Exception {
        String dossierCode = syncedDossier("ACCEPTED");

        HttpResponse<String> refused = progress(dossierCode, "{\"status\":\"LOST\",\"at\":\"2024-13-01T00:00:00Z\","
                + "\"extra\":1}");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = Samples.JSON.readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("PROGRESS_INVALID");
        assertThat(problem.path("errors")).extracting(e -> e.path("pointer").asText())
                .contains("/status", "/officer", "/note", "/extra");
    }

    @Test
    void refusesAStepForAnAgencyTheClientDoesNotSpeakFor() throws Exception {
        HttpResponse<String> refused = progress("000.00.00.G22-240101-0001", step("ACCEPTED"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Samples.JSON.readTree(refused.body()).path("code").asText()).isEqualTo("AGENCY_NOT_ALLOWED");
    }

    @Test
    void answersARepeatedStepWithTheSameIdempotencyKeyOnce() throws Exception {
        String dossierCode = syncedDossier("ACCEPTED");
        byte[] body = step("PROCESSING").getBytes(StandardCharsets.UTF_8);
        String[] headers = {"Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY,
                "Idempotency-Key", "progress-" + dossierCode};

        HttpResponse<String> first = http.post("/api/v1/dossiers/" + dossierCode + "/progress", body, headers);
        HttpResponse<String> again = http.post("/api/v1/dossiers/" + dossierCode + "/progress", body, headers);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(again.body()).path("messageId").asText())
                .isEqualTo(Samples.JSON.readTree(first.body()).path("messageId").asText());
    }

    private String syncedDossier(String status) {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("status", status);
        gateway.awaitState(gateway.accept(dossier), "DELIVERED");
        return dossier.path("dossierCode").asText();
    }

    private HttpResponse<String> progress(String dossierCode, String json) {
        return http.post("/api/v1/dossiers/" + dossierCode + "/progress", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY);
    }

    private static String step(String status) {
        return "{\"status\":\"" + status + "\",\"at\":\"2024-01-02T08:30:00+07:00\",\"officer\":\"Nguyễn Thị Lan\","
                + "\"note\":\"Bước " + status + "\"}";
    }

    private String stateOf(String dossierCode) {
        return jdbc.queryForObject("SELECT status FROM dossier_state WHERE dossier_code = ?", String.class, dossierCode);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
