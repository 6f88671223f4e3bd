package vn.lienthong.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** A dossier posted over real HTTP reaches the DVCQG simulator as a correct DongBoHoSoMC record and shows DELIVERED. */
class DossierSyncEndToEndTest extends GatewayEndToEndTest {

    @Test
    void deliversTheReadmeSampleToDvcqgWithTheMappedFields() throws Exception {
        String sample = Files.readString(Path.of("samples/dossier.json"), StandardCharsets.UTF_8);
        HttpResponse<String> accepted = http.postJson("/api/v1/dossiers", sample);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode answer = Samples.JSON.readTree(accepted.body());
        assertThat(answer.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG");
        String messageId = answer.path("messageId").asText();

        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("kind").asText()).isEqualTo("DOSSIER");
        assertThat(delivered.path("dossierCode").asText()).isEqualTo("000.00.17.H56-240101-0001");
        assertThat(delivered.path("destination").asText()).isEqualTo("DVCQG");
        assertThat(delivered.path("acceptedAt").asText()).isNotBlank();
        assertThat(delivered.path("deliveredAt").asText()).isNotBlank();
        assertThat(delivered.path("attempts")).hasSize(1);
        assertThat(delivered.path("attempts").get(0).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(200);

        List<JsonNode> received = simulator.recordsFor("000.00.17.H56-240101-0001");
        assertThat(received).hasSize(1);
        JsonNode envelope = received.get(0);
        assertThat(envelope.path("service").asText()).isEqualTo("DongBoHoSoMC");
        assertThat(envelope.path("madonvi").asText()).isEqualTo("000.00.00.H56");
        assertThat(envelope.path("idempotencyKey").asText()).isEqualTo(messageId);
        JsonNode record = envelope.path("record");
        assertThat(record.path("MaHoSo").asText()).isEqualTo("000.00.17.H56-240101-0001");
        assertThat(record.path("MaTTHC").asText()).isEqualTo("1.001193.000.00.00.H56");
        assertThat(record.path("TenTTHC").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(record.path("MaLinhVuc").asText()).isEqualTo("G09-TP08");
        assertThat(record.path("TenLinhVuc").asText()).isEqualTo("Hộ tịch");
        assertThat(record.path("SoBienNhan").asText()).isEqualTo("BN-2024-0001");
        assertThat(record.path("ChuHoSo").asText()).isEqualTo("Hồ Quang Thuận");
        assertThat(record.path("LoaiDoiTuong").asText()).isEqualTo("1");
        assertThat(record.path("MaDoiTuong").asText()).isEqualTo("045090001234");
        assertThat(record.path("Email").asText()).isEqualTo("thuan@example.vn");
        assertThat(record.path("SoDienThoai").asText()).isEqualTo("0912345678");
        assertThat(record.path("TrichYeuHoSo").asText()).isEqualTo("Đăng ký khai sinh cho con");
        assertThat(record.path("NgayTiepNhan").asText()).isEqualTo("20240101080000");
        assertThat(record.path("NgayHenTra").asText()).isEqualTo("20240103170000");
        assertThat(record.path("TrangThaiHoSo").asText()).isEqualTo("2");
        assertThat(record.path("HinhThuc").asText()).isEqualTo("2");
        assertThat(record.path("DonViXuLy").asText()).isEqualTo("UBND xã Hải Trường");
        assertThat(record.path("DanhSachLePhi").get(0).path("TenPhiLePhi").asText()).isEqualTo("Lệ phí");
        assertThat(record.path("DanhSachLePhi").get(0).path("HinhThucThu").asText()).isEqualTo("1");
        assertThat(record.path("TaiLieuNop").get(0).path("MaThanhPhanHoSo").asText()).isEqualTo("TP01");
        assertThat(record.has("NgayTra")).isFalse();
    }

    @Test
    void convertsTimesFromAnyOffsetToVietnamTimeForThePlatform() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        dossier.put("receivedAt", "2024-01-01T01:00:00Z");
        dossier.put("dueAt", "2024-01-03T17:00:00+09:00");
        String messageId = gateway.accept(dossier);

        gateway.awaitState(messageId, "DELIVERED");
        JsonNode record = simulator.recordsFor(dossier.path("dossierCode").asText()).get(0).path("record");
        assertThat(record.path("NgayTiepNhan").asText()).isEqualTo("20240101080000");
        assertThat(record.path("NgayHenTra").asText()).isEqualTo("20240103150000");
    }

    @Test
    void deliversABusinessDossierSubmittedDirectlyAndFinishedWithItsCodes() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        ObjectNode applicant = (ObjectNode) dossier.get("applicant");
        applicant.put("type", "BUSINESS").put("idNumber", "3301234567-001").put("name", "Công ty TNHH Hải Trường");
        dossier.put("channel", "DIRECT").put("status", "DONE").put("finishedAt", "2024-01-02T16:30:00+07:00");
        dossier.putArray("results").addObject().put("id", "KQ-1").put("name", "Giấy chứng nhận")
                .put("url", "https://motcua.example.vn/kq/1.pdf");

        gateway.awaitState(gateway.accept(dossier), "DELIVERED");

        JsonNode record = simulator.recordsFor(dossier.path("dossierCode").asText()).get(0).path("record");
        assertThat(record.path("LoaiDoiTuong").asText()).isEqualTo("2");
        assertThat(record.path("MaDoiTuong").asText()).isEqualTo("3301234567-001");
        assertThat(record.path("HinhThuc").asText()).isEqualTo("1");
        assertThat(record.path("TrangThaiHoSo").asText()).isEqualTo("9");
        assertThat(record.path("NgayKetThucXuLy").asText()).isEqualTo("20240102163000");
        assertThat(record.path("DanhSachGiayToKetQua").get(0).path("GiayToId").asText()).isEqualTo("KQ-1");
    }

    @Test
    void sendsASecondRecordOfTheSameDossierAsAnUpdate() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        String first = gateway.accept(dossier);
        gateway.awaitState(first, "DELIVERED");
        dossier.put("status", "PROCESSING");
        String second = gateway.accept(dossier);
        gateway.awaitState(second, "DELIVERED");

        List<JsonNode> received = simulator.recordsFor(dossier.path("dossierCode").asText());
        assertThat(received).extracting(r -> r.path("isUpdating").asBoolean()).containsExactly(false, true);
        assertThat(received).extracting(r -> r.path("record").path("TrangThaiHoSo").asText()).containsExactly("2", "4");

        JsonNode listing = Samples.JSON.readTree(http.get("/api/v1/dossiers/" + dossier.path("dossierCode").asText()
                + "/messages", "X-API-Key", Http.AGENCY_KEY).body());
        assertThat(listing.path("messages")).extracting(m -> m.path("messageId").asText()).containsExactly(first, second);
    }

    @Test
    void logsInAgainWhenThePlatformSaysTheSessionExpired() throws Exception {
        String warmUp = gateway.accept(Samples.freshDossier());
        gateway.awaitState(warmUp, "DELIVERED");
        simulator.faults("{\"expireSessions\":true}");

        String messageId = gateway.accept(Samples.freshDossier());

        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("attempts")).hasSize(1);
    }

    @Test
    void ignoresHeadersThatTryToSteerTheRoute() throws Exception {
        ObjectNode dossier = Samples.freshDossier();
        HttpResponse<String> response = http.post("/api/v1/dossiers", Samples.JSON.writeValueAsBytes(dossier),
                "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY,
                "CamelHttpResponseCode", "500", "lienthongDestination", "LGSP",
                "lienthongMessageId", "00000000-0000-0000-0000-000000000000", "JMSXGroupID", "other",
                "CamelJmsDestinationName", "lienthong.evil");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG");
        String messageId = answer.path("messageId").asText();
        assertThat(messageId).isNotEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(gateway.awaitState(messageId, "DELIVERED").path("destination").asText()).isEqualTo("DVCQG");
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("lienthong"));
    }
}
