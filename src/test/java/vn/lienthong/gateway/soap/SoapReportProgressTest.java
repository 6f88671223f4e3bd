package vn.lienthong.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.soap.client.ConflictFault;
import vn.lienthong.gateway.soap.client.Gateway;
import vn.lienthong.gateway.soap.client.NotFoundFault;
import vn.lienthong.gateway.soap.client.Progress;
import vn.lienthong.gateway.soap.client.ReportProgress;
import vn.lienthong.gateway.soap.client.ReportProgressResponse;
import vn.lienthong.gateway.soap.client.ValidationFault;

/**
 * {@code ReportProgress} over SOAP with the client generated from the WSDL: the same path as
 * {@code POST /api/v1/dossiers/{dossierCode}/progress} — the same platform record, the same status table, the same
 * codes in declared faults.
 */
class SoapReportProgressTest extends GatewayEndToEndTest {

    @Test
    void aStepReportedBySoapReachesDvcqgAsTheSameRecordAsByRest() throws Exception {
        String bySoap = syncedDossier();
        String byRest = syncedDossier();
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        ReportProgressResponse answer = soap.reportProgress(step(bySoap, "PROCESSING"), "soap-step-" + bySoap);
        String restAnswer = http.post("/api/v1/dossiers/" + byRest + "/progress", ("{\"status\":\"PROCESSING\","
                + "\"at\":\"2024-01-02T08:30:00+07:00\",\"officer\":\"Nguyễn Thị Lan\",\"note\":\"Đang thẩm định\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json", "X-API-Key",
                Http.AGENCY_KEY).body();

        assertThat(answer.getStatus()).isEqualTo("ACCEPTED");
        assertThat(answer.getDestinations().getDestination()).containsExactly("DVCQG");
        gateway.awaitState(answer.getMessageId(), "DELIVERED");
        gateway.awaitState(Samples.JSON.readTree(restAnswer).path("messageId").asText(), "DELIVERED");
        JsonNode soapRecord = await().atMost(Duration.ofSeconds(10))
                .until(() -> simulator.recordsFor(bySoap), r -> r.size() == 2).get(1).path("record");
        ObjectNode restRecord = (ObjectNode) simulator.recordsFor(byRest).get(1).path("record").deepCopy();
        restRecord.put("MaHoSo", bySoap);
        assertThat(soapRecord).isEqualTo(restRecord);
        assertThat(soapRecord.path("TrangThai").asText()).isEqualTo("4");
        assertThat(jdbc.queryForObject("SELECT status FROM dossier_state WHERE dossier_code = ?", String.class, bySoap))
                .isEqualTo("PROCESSING");
        assertThat(jdbc.queryForObject("SELECT channel FROM message WHERE message_id = ?", String.class,
                answer.getMessageId())).isEqualTo("SOAP");
    }

    @Test
    void anIllegalStepIsAConflictFaultWithTheRestCode() {
        String dossierCode = syncedDossier();
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        ConflictFault fault = catchThrowableOfType(ConflictFault.class,
                () -> soap.reportProgress(step(dossierCode, "RETURNED"), null));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("STATUS_TRANSITION_ILLEGAL");
        assertThat(jdbc.queryForObject("SELECT status FROM dossier_state WHERE dossier_code = ?", String.class,
                dossierCode)).isEqualTo("ACCEPTED");
    }

    @Test
    void aStepForAnUnknownDossierIsANotFoundFault() {
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        NotFoundFault fault = catchThrowableOfType(NotFoundFault.class,
                () -> soap.reportProgress(step(Samples.nextDossierCode(), "ACCEPTED"), null));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("DOSSIER_UNKNOWN");
    }

    @Test
    void anInvalidStepIsAValidationFaultListingWhere() {
        String dossierCode = syncedDossier();
        ReportProgress request = step(dossierCode, "LOST");
        request.getProgress().setAt("yesterday");
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        ValidationFault fault = catchThrowableOfType(ValidationFault.class, () -> soap.reportProgress(request, null));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("PROGRESS_INVALID");
        assertThat(fault.getFaultInfo().getViolations().getViolation()).extracting(v -> v.getPointer())
                .contains("/status", "/at");
    }

    private String syncedDossier() {
        ObjectNode dossier = Samples.freshDossier();
        gateway.awaitState(gateway.accept(dossier), "DELIVERED");
        return dossier.path("dossierCode").asText();
    }

    private static ReportProgress step(String dossierCode, String status) {
        Progress progress = new Progress();
        progress.setStatus(status);
        progress.setAt("2024-01-02T08:30:00+07:00");
        progress.setOfficer("Nguyễn Thị Lan");
        progress.setNote("Đang thẩm định");
        ReportProgress request = new ReportProgress();
        request.setDossierCode(dossierCode);
        request.setProgress(progress);
        return request;
    }
}
