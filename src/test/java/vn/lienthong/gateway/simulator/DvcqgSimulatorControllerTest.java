package vn.lienthong.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.lienthong.gateway.TestClock;

@WebMvcTest
@ActiveProfiles("sandbox")
@TestPropertySource(properties = {
        "lienthong.schemas-dir=${user.dir}/schemas",
        "lienthong.simulator.dvcqg.username=sandbox-dvcqg",
        "lienthong.simulator.dvcqg.password=sandbox-dvcqg-secret",
        "lienthong.simulator.dvcqg.session-ttl=30m",
        "lienthong.home=${user.dir}",
        "lienthong.simulator.dvcqg.payload-signature-trust-anchors=certs-sample/trust-anchors.pem"})
class DvcqgSimulatorControllerTest {

    private static final String DONG_BO = "DongBoHoSoMC";
    private static final String CAP_NHAT = "CapNhatTienDoHoSoMC";

    /** Only the simulator and its helpers, so that the rest of the application stays out of this test. */
    @Configuration
    @EnableConfigurationProperties(DvcqgSimulatorProperties.class)
    @Import({DvcqgSimulatorController.class, DvcqgSessions.class, DvcqgRecordValidator.class,
            DvcqgPayloadSignatureCheck.class})
    static class SimulatorOnly {
        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2024-01-01T01:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestClock clock;

    @BeforeEach
    void resetSimulator() throws Exception {
        clock.reset();
        mvc.perform(delete("/sim/dvcqg/received")).andExpect(status().isNoContent());
        postFaults("{\"reset\":true,\"expireSessions\":true}").andExpect(status().isOk());
    }

    @Test
    void acceptsValidRecordAfterLogin() throws Exception {
        String session = login();

        callService(session, "key-1", DONG_BO, false, dossier())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"))
                .andExpect(jsonPath("$.message").value("Thành công"));

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.records[0].receivedAt").value("2024-01-01T08:00:00+07:00"))
                .andExpect(jsonPath("$.records[0].idempotencyKey").value("key-1"))
                .andExpect(jsonPath("$.records[0].service").value(DONG_BO))
                .andExpect(jsonPath("$.records[0].madonvi").value("000.00.00.H56"))
                .andExpect(jsonPath("$.records[0].isUpdating").value(false))
                .andExpect(jsonPath("$.records[0].record.MaHoSo").value("000.00.17.H56-240101-0001"))
                .andExpect(jsonPath("$.records[0].record.DanhSachLePhi[0].Gia").value(50000));
    }

    @Test
    void acceptsBusinessApplicantWithBranchTaxCode() throws Exception {
        ObjectNode record = dossier().put("LoaiDoiTuong", "2").put("MaDoiTuong", "0101234567-001");

        callService(login(), "key-1", DONG_BO, true, record)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"));
    }

    @Test
    void acceptsProgressRecord() throws Exception {
        callService(login(), "progress-1", CAP_NHAT, false, progress())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"));

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.records[0].service").value(CAP_NHAT))
                .andExpect(jsonPath("$.records[0].record.TrangThai").value("4"));
    }

    @Test
    void rejectsProgressRecordWithWrongStatusAndImpossibleTime() throws Exception {
        ObjectNode record = progress().put("TrangThai", "11").put("ThoiDiemXuLy", "20240101250000");

        callService(login(), "progress-1", CAP_NHAT, false, record)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/TrangThai", "/ThoiDiemXuLy")));
    }

    @Test
    void rejectsWrongCredentials() throws Exception {
        mvc.perform(post("/sim/dvcqg/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sandbox-dvcqg\",\"password\":\"guess\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error_code").value("-1"))
                .andExpect(jsonPath("$.message").isNotEmpty())
                .andExpect(jsonPath("$.session").doesNotExist());
    }

    @Test
    void rejectsServiceCallWithoutSession() throws Exception {
        callService(null, "key-1", DONG_BO, false, dossier())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error_code").value("-2"))
                .andExpect(jsonPath("$.message").value("Phiên đăng nhập không hợp lệ hoặc đã hết hạn"));
        callService("made-up-token", "key-1", DONG_BO, false, dossier())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error_code").value("-2"));

        assertReceivedCount(0);
    }

    @Test
    void sessionExpiresAfterTtl() throws Exception {
        String session = login();
        clock.advance(Duration.ofMinutes(29));
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(1));

        callService(session, "key-2", DONG_BO, false, dossier())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error_code").value("-2"));
    }

    @Test
    void rejectsRecordWithImpossibleDateWithPointer() throws Exception {
        ObjectNode record = dossier().put("NgayTiepNhan", "20240231080000");

        callService(login(), "key-1", DONG_BO, false, record)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-3"))
                .andExpect(jsonPath("$.message").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].index").value(0))
                .andExpect(jsonPath("$.errors[0].pointer").value("/NgayTiepNhan"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());

        assertReceivedCount(0);
    }

    @Test
    void rejectsRecordWithMissingRequiredFieldsListingEachPointer() throws Exception {
        ObjectNode broken = dossier();
        broken.remove("MaTTHC");
        broken.remove("DonViXuLy");
        broken.put("HinhThuc", "4");

        callService(login(), "key-1", DONG_BO, false, dossier(), broken)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-3"))
                .andExpect(jsonPath("$.errors[*].index", everyItem(is(1))))
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/MaTTHC", "/DonViXuLy", "/HinhThuc")));

        assertReceivedCount(0);
    }

    @Test
    void rejectsDueDateBeforeReceivedDate() throws Exception {
        ObjectNode record = dossier().put("NgayHenTra", "20231231170000");

        callService(login(), "key-1", DONG_BO, false, record)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].pointer").value("/NgayHenTra"));
    }

    @Test
    void rejectsCitizenIdThatIsNotTwelveDigits() throws Exception {
        ObjectNode record = dossier().put("MaDoiTuong", "0101234567");

        callService(login(), "key-1", DONG_BO, false, record)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", hasItem("/MaDoiTuong")));
    }

    @Test
    void rejectsUnknownFieldsBadFormatsAndNegativeFee() throws Exception {
        ObjectNode record = dossier().put("MaHoSoCu", "x").put("Email", "not-an-email");
        ((ObjectNode) record.withArray("DanhSachLePhi").get(0)).put("Gia", -1);
        ((ObjectNode) record.withArray("TaiLieuNop").get(0)).put("DuongDanTaiTepTin", "not a uri");

        callService(login(), "key-1", DONG_BO, false, record)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder(
                        "/MaHoSoCu", "/Email", "/DanhSachLePhi/0/Gia", "/TaiLieuNop/0/DuongDanTaiTepTin")));
    }

    @Test
    void rejectsEnvelopeWithUnknownServiceBlankUnitAndNoData() throws Exception {
        ObjectNode request = json.createObjectNode()
                .put("session", login()).put("madonvi", " ").put("service", "XoaHoSo").put("isUpdating", "no");
        request.putArray("data");

        postService("key-1", request.toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-3"))
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/service", "/madonvi", "/isUpdating", "/data")));
    }

    @Test
    void rejectsMoreThanHundredRecords() throws Exception {
        ObjectNode[] records = new ObjectNode[101];
        for (int i = 0; i < records.length; i++) {
            records[i] = dossier();
        }

        callService(login(), "key-1", DONG_BO, false, records)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/data"));
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        postService("key-1", "{\"session\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-3"));
        postService("key-1", "[]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-3"));
    }

    @Test
    void countsDuplicateIdempotencyKeyWithoutStoringTwice() throws Exception {
        String session = login();
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());

        callService(session, "key-1", DONG_BO, false, dossier())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"));
        callService(session, null, DONG_BO, false, dossier()).andExpect(status().isOk());
        callService(session, null, DONG_BO, false, dossier()).andExpect(status().isOk());

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(jsonPath("$.count").value(3))
                .andExpect(jsonPath("$.duplicates").value(1));
    }

    @Test
    void filtersReceivedByService() throws Exception {
        String session = login();
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());
        callService(session, "key-2", CAP_NHAT, false, progress()).andExpect(status().isOk());

        mvc.perform(get("/sim/dvcqg/received").param("service", CAP_NHAT))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.records[0].service").value(CAP_NHAT));
    }

    @Test
    void failNextAnswersConfiguredStatusWithRetryAfter() throws Exception {
        String session = login();
        postFaults("{\"failNext\":2,\"status\":503,\"retryAfterSeconds\":2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failNext").value(2))
                .andExpect(jsonPath("$.status").value(503));

        for (int i = 0; i < 2; i++) {
            postService("key-1", "not even json")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.error_code").value("-9"))
                    .andExpect(jsonPath("$.message").value("Simulated fault"));
        }
        callService(session, "key-1", DONG_BO, false, dossier())
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Retry-After"));

        assertReceivedCount(1);
    }

    @Test
    void failNextFailsExactlyThatManyCallsFromConcurrentCallers() throws Exception {
        String session = login();
        postFaults("{\"failNext\":5}").andExpect(status().isOk());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "key-" + i;
                statuses.add(workers.submit(() -> callService(session, key, DONG_BO, false, dossier())
                        .andReturn().getResponse().getStatus()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(answered).filteredOn(s -> s == 503).hasSize(5);
            assertThat(answered).filteredOn(s -> s == 200).hasSize(15);
        } finally {
            workers.shutdownNow();
        }
        assertReceivedCount(15);
    }

    @Test
    void failNextDefaultsToServiceUnavailableWithoutRetryAfter() throws Exception {
        postFaults("{\"failNext\":1,\"status\":500,\"retryAfterSeconds\":5}").andExpect(status().isOk());
        postFaults("{\"failNext\":1}")
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.retryAfterSeconds").isEmpty());

        callService(login(), "key-1", DONG_BO, false, dossier())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void rejectsFaultSettingsOutOfRange() throws Exception {
        postFaults("{\"failNext\":-1,\"status\":99,\"expireSessions\":\"yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/failNext", "/status", "/expireSessions")));

        mvc.perform(get("/sim/dvcqg/faults")).andExpect(jsonPath("$.failNext").value(0));
    }

    @Test
    void delaysServiceRepliesUntilReset() throws Exception {
        String session = login();
        postFaults("{\"delayMs\":150}").andExpect(jsonPath("$.delayMs").value(150));

        long started = System.nanoTime();
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        postFaults("{\"reset\":true}").andExpect(jsonPath("$.delayMs").value(0));
    }

    @Test
    void expireSessionsForcesNewLogin() throws Exception {
        String session = login();
        postFaults("{\"expireSessions\":true}").andExpect(status().isOk());

        callService(session, "key-1", DONG_BO, false, dossier())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error_code").value("-2"));
        callService(login(), "key-1", DONG_BO, false, dossier())
                .andExpect(status().isOk());

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.duplicates").value(0));
    }

    @Test
    void clearsReceivedOnDelete() throws Exception {
        String session = login();
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());

        mvc.perform(delete("/sim/dvcqg/received")).andExpect(status().isNoContent());

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(jsonPath("$.count").value(0))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.records").isEmpty());
        callService(session, "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());
        assertReceivedCount(1);
    }

    private String login() throws Exception {
        String answer = mvc.perform(post("/sim/dvcqg/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sandbox-dvcqg\",\"password\":\"sandbox-dvcqg-secret\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"))
                .andReturn().getResponse().getContentAsString();
        String session = json.readTree(answer).path("session").asText();
        assertThat(session).hasSizeGreaterThanOrEqualTo(32);
        return session;
    }

    private ResultActions callService(String session, String idempotencyKey, String service, boolean updating,
                                      JsonNode... records) throws Exception {
        ObjectNode request = json.createObjectNode();
        if (session != null) {
            request.put("session", session);
        }
        request.put("madonvi", "000.00.00.H56").put("service", service).put("isUpdating", updating);
        ArrayNode data = request.putArray("data");
        for (JsonNode record : records) {
            data.add(record);
        }
        return postService(idempotencyKey, json.writeValueAsString(request));
    }

    private ResultActions postService(String idempotencyKey, String body) throws Exception {
        var request = post("/sim/dvcqg/service").contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    // --- payload signature (X-Payload-Signature) ---

    @Test
    void acceptsARequestWhoseSignatureMatchesItsBodyAndRecordsTheSigner() throws Exception {
        byte[] body = serviceBody(login(), DONG_BO, dossier());

        postSigned("key-1", body, PayloadSigning.gateway().sign(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error_code").value("0"));

        mvc.perform(get("/sim/dvcqg/received"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.records[0].payloadSigners[0]").value(
                        "C=VN,O=SAMPLE Lien thong Gateway,CN=SAMPLE Lien thong Gateway signing"));
    }

    @Test
    void recordsNoSignerForAnUnsignedRequest() throws Exception {
        callService(login(), "key-1", DONG_BO, false, dossier()).andExpect(status().isOk());

        mvc.perform(get("/sim/dvcqg/received")).andExpect(jsonPath("$.records[0].payloadSigners").isEmpty());
    }

    @Test
    void refusesASignatureOfAnotherBodyAndKeepsNothing() throws Exception {
        String session = login();
        byte[] body = serviceBody(session, DONG_BO, dossier());
        byte[] other = serviceBody(session, DONG_BO, dossier().put("TrangThaiHoSo", "4"));

        expectSignatureRefused(postSigned("key-1", other, PayloadSigning.gateway().sign(body)),
                "X-Payload-Signature does not match the request body (message digest differs)");
        assertReceivedCount(0);
    }

    @Test
    void refusesASignerThatDoesNotChainToItsTrustedRoots() throws Exception {
        byte[] body = serviceBody(login(), DONG_BO, dossier());

        expectSignatureRefused(postSigned("key-1", body, PayloadSigning.selfSigned().sign(body)),
                "X-Payload-Signature is by CN=Impostor,O=Elsewhere,C=VN, whose certificate does not chain to a "
                        + "trusted root");
        assertReceivedCount(0);
    }

    @Test
    void refusesAHeaderThatIsNotASignatureWithWhatIsWrong() throws Exception {
        byte[] body = serviceBody(login(), DONG_BO, dossier());

        expectSignatureRefused(postSigned("key-1", body, "not base64!"), "X-Payload-Signature is not base64");
        expectSignatureRefused(postSigned("key-1", body, "AAECAwQ="),
                "X-Payload-Signature is not a CMS SignedData");
        expectSignatureRefused(postSigned("key-1", body, PayloadSigning.withoutSigners(body)),
                "X-Payload-Signature has 0 signers, not 1 to 4");
        expectSignatureRefused(postSigned("key-1", body, "A".repeat(70_000)),
                "X-Payload-Signature is longer than 65536 characters");
        assertReceivedCount(0);
    }

    private void expectSignatureRefused(ResultActions result, String message) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_code").value("-4"))
                .andExpect(jsonPath("$.message").value("Chữ ký số không hợp lệ"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private byte[] serviceBody(String session, String service, JsonNode record) throws Exception {
        ObjectNode request = json.createObjectNode();
        request.put("session", session).put("madonvi", "000.00.00.H56").put("service", service)
                .put("isUpdating", false).putArray("data").add(record);
        return json.writeValueAsBytes(request);
    }

    private ResultActions postSigned(String idempotencyKey, byte[] body, String signature) throws Exception {
        return mvc.perform(post("/sim/dvcqg/service").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey).header("X-Payload-Signature", signature).content(body));
    }

    private ResultActions postFaults(String body) throws Exception {
        return mvc.perform(post("/sim/dvcqg/faults").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void assertReceivedCount(int count) throws Exception {
        mvc.perform(get("/sim/dvcqg/received")).andExpect(jsonPath("$.count").value(count));
    }

    private ObjectNode dossier() throws Exception {
        return (ObjectNode) json.readTree("""
                {
                  "MaHoSo": "000.00.17.H56-240101-0001",
                  "MaTTHC": "1.001193.000.00.00.H56",
                  "TenTTHC": "Đăng ký khai sinh",
                  "MaLinhVuc": "G09-TP08",
                  "TenLinhVuc": "Hộ tịch",
                  "SoBienNhan": "BN-2024-0001",
                  "ChuHoSo": "Hồ Quang Thuận",
                  "LoaiDoiTuong": "1",
                  "MaDoiTuong": "045090001234",
                  "Email": "thuan@example.vn",
                  "SoDienThoai": "0912345678",
                  "TrichYeuHoSo": "Đăng ký khai sinh cho con",
                  "NgayTiepNhan": "20240101080000",
                  "NgayHenTra": "20240103170000",
                  "TrangThaiHoSo": "2",
                  "HinhThuc": "2",
                  "DonViXuLy": "UBND xã Hải Trường",
                  "DanhSachLePhi": [ { "MaPhiLePhi": "LP01", "TenPhiLePhi": "Lệ phí", "Gia": 50000, "HinhThucThu": "1" } ],
                  "TaiLieuNop": [ { "TenTepDinhKem": "Tờ khai", "MaThanhPhanHoSo": "TP01",
                                    "DuongDanTaiTepTin": "https://files.example.vn/tokhai.pdf" } ],
                  "DanhSachGiayToKetQua": []
                }
                """);
    }

    private ObjectNode progress() throws Exception {
        return (ObjectNode) json.readTree("""
                {
                  "MaHoSo": "000.00.17.H56-240101-0001",
                  "NguoiXuLy": "Nguyễn Văn A",
                  "ChucDanh": "Công chức tư pháp - hộ tịch",
                  "ThoiDiemXuLy": "20240102090000",
                  "PhongBanXuLy": "Bộ phận một cửa",
                  "NoiDungXuLy": "Chuyển xử lý",
                  "TrangThai": "4",
                  "NgayBatDau": "20240101080000",
                  "NgayKetThucTheoQuyDinh": "20240103170000"
                }
                """);
    }
}
