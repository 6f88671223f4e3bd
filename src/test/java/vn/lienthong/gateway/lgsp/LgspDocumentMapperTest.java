package vn.lienthong.gateway.lgsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.dossier.Dossier;
import vn.lienthong.gateway.dossier.DossierStatus;
import vn.lienthong.gateway.dossier.Progress;

/**
 * The canonical dossier maps to the LGSP SyncDocument record and a progress step to an UpdateDocumentTraces record,
 * field by field, and both meet the platform's schemas in {@code schemas/lgsp/}.
 */
class LgspDocumentMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final LgspDocumentMapper mapper = new LgspDocumentMapper(null);

    @Test
    void mapsTheSampleDossierToAValidSyncDocument() throws IOException {
        Map<String, Object> record = mapper.toDocument(sample());

        assertThat(record).containsEntry("DocTypeCode", "1.001193.000.00.00.H56")
                .containsEntry("DocTypeName", "Đăng ký khai sinh")
                .containsEntry("DocCode", "000.00.17.H56-240101-0001")
                .containsEntry("CitizenName", "Hồ Quang Thuận")
                .containsEntry("ApplicantsId", "045090001234")
                .containsEntry("ApplicantsType", 1)
                .containsEntry("Phone", "0912345678")
                .containsEntry("Compendium", "Đăng ký khai sinh cho con")
                .containsEntry("DateReceived", "2024-01-01T08:00:00.000+0700")
                .containsEntry("DateAppointed", "2024-01-03T17:00:00.000+0700")
                .containsEntry("IsSuccess", false)
                .containsEntry("IsReturned", false)
                .containsEntry("ReturnedType", 0)
                .containsEntry("Status", 2)
                .containsEntry("ProcessingOrganName", "UBND xã Hải Trường")
                .containsEntry("HasSupplementary", false)
                .containsEntry("OrganInchargeIdLevel1", "000.00.17.H56")
                .containsEntry("OrganInchargeName", "UBND xã Hải Trường")
                .doesNotContainKeys("SuccessDate", "ReturnedDate", "FinishedDate");
        assertThat(JSON.valueToTree(record.get("Attachments")).get(0).toString()).isEqualTo("{\"AttachmentId\":1,"
                + "\"AttachmentName\":\"Tờ khai\",\"ComponentCode\":\"TP01\",\"Url\":\"https://motcua.example.vn/files/"
                + "000.00.17.H56-240101-0001/to-khai.pdf\",\"Sha256\":\"3f0a9c1e5b7d2a4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3"
                + "b5c7d9e1f2a4b6c8d\",\"IsDeleted\":false,\"IsVerified\":false}");
        assertThat(JSON.valueToTree(record.get("DocFees")).toString())
                .isEqualTo("[{\"FeeCode\":\"LP01\",\"FeeName\":\"Lệ phí\",\"Price\":0,\"PaymentMethod\":1}]");
        assertThat(violations("SyncDocument", record)).isEmpty();
    }

    @Test
    void writesTimesInVietNamWhateverOffsetTheAgencySent() {
        Dossier utc = with(sample(), DossierStatus.DONE, OffsetDateTime.parse("2024-01-02T10:30:00Z"), null);

        Map<String, Object> record = mapper.toDocument(utc);

        assertThat(record).containsEntry("FinishedDate", "2024-01-02T17:30:00.000+0700")
                .containsEntry("SuccessDate", "2024-01-02T17:30:00.000+0700")
                .containsEntry("IsSuccess", true);
    }

    @Test
    void marksAReturnedDossierReturnedWithItsDate() throws IOException {
        Dossier returned = with(sample(), DossierStatus.RETURNED, OffsetDateTime.parse("2024-01-02T17:00:00+07:00"),
                OffsetDateTime.parse("2024-01-03T09:00:00+07:00"));

        Map<String, Object> record = mapper.toDocument(returned);

        assertThat(record).containsEntry("IsReturned", true).containsEntry("ReturnedDate", "2024-01-03T09:00:00.000+0700")
                .containsEntry("Status", 10);
        assertThat(violations("SyncDocument", record)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DIRECT,0", "ONLINE,0", "POSTAL,1"})
    void returnsResultsByPostOnlyForPostalDossiers(Dossier.Channel channel, int returnedType) {
        Dossier d = sample();
        Dossier other = new Dossier(d.dossierCode(), d.procedureCode(), d.procedureName(), d.fieldCode(), d.fieldName(),
                d.agencyCode(), d.agencyName(), d.receiptNumber(), d.applicant(), d.summary(), channel, d.receivedAt(),
                d.dueAt(), d.status(), d.finishedAt(), d.returnedAt(), d.fees(), d.documents(), d.results());

        assertThat(mapper.toDocument(other)).containsEntry("ReturnedType", returnedType);
    }

    @Test
    void sendsABusinessWithoutPhoneAsType2WithAnEmptyPhone() throws IOException {
        Dossier d = sample();
        Dossier business = new Dossier(d.dossierCode(), d.procedureCode(), d.procedureName(), d.fieldCode(),
                d.fieldName(), d.agencyCode(), d.agencyName(), null, new Dossier.Applicant(
                Dossier.ApplicantType.BUSINESS, "3301234567", "Công ty TNHH Hải Trường", null, null, null),
                d.summary(), d.channel(), d.receivedAt(), d.dueAt(), DossierStatus.SUPPLEMENT_REQUESTED, null, null,
                List.of(), List.of(), List.of(new Dossier.ResultRef("KQ1", "KQ", "Giấy chứng nhận",
                "https://motcua.example.vn/kq/1.pdf")));

        Map<String, Object> record = mapper.toDocument(business);

        assertThat(record).containsEntry("ApplicantsType", 2).containsEntry("Phone", "")
                .containsEntry("HasSupplementary", true).doesNotContainKeys("Email", "Address");
        assertThat(JSON.valueToTree(record.get("Results")).toString()).isEqualTo("[{\"ResultId\":\"KQ1\","
                + "\"ResultName\":\"Giấy chứng nhận\",\"ComponentCode\":\"KQ\",\"Url\":\"https://motcua.example.vn/kq/1.pdf\"}]");
        assertThat(violations("SyncDocument", record)).isEmpty();
    }

    @Test
    void mapsAProgressStepToAValidTrace() throws IOException {
        Progress step = new Progress(DossierStatus.PROCESSING, OffsetDateTime.parse("2024-01-02T01:15:00Z"),
                "Lê Thị Hoa", "Công chức tư pháp - hộ tịch", "Bộ phận một cửa", "Chuyển xử lý",
                OffsetDateTime.parse("2024-01-03T17:00:00+07:00"));

        Map<String, Object> trace = mapper.toTraces("000.00.17.H56-240101-0001", "000.00.17.H56",
                "UBND xã Hải Trường", step);

        assertThat(trace).containsExactly(
                Map.entry("DocumentId", "000.00.17.H56-240101-0001"),
                Map.entry("DocCode", "000.00.17.H56-240101-0001"),
                Map.entry("UserName", "Lê Thị Hoa"),
                Map.entry("UserPosition", "Công chức tư pháp - hộ tịch"),
                Map.entry("Department", "Bộ phận một cửa"),
                Map.entry("DateCreated", "2024-01-02T08:15:00.000+0700"),
                Map.entry("Comment", "Chuyển xử lý"),
                Map.entry("Status", 4),
                Map.entry("PlannedEndDate", "2024-01-03T17:00:00.000+0700"),
                Map.entry("OrganizationInchargeIdLevel1", "000.00.17.H56"),
                Map.entry("OrganizationInchargeName", "UBND xã Hải Trường"));
        assertThat(violations("UpdateDocumentTraces", trace)).isEmpty();
    }

    @Test
    void sendsRequiredTraceFieldsEmptyWhenTheyAreUnknown() throws IOException {
        Progress step = new Progress(DossierStatus.DONE, OffsetDateTime.parse("2024-01-02T08:15:00+07:00"),
                "Lê Thị Hoa", null, null, "Đã xử lý xong", null);

        Map<String, Object> trace = mapper.toTraces("000.00.17.H56-240101-0001", "000.00.17.H56", null, step);

        assertThat(trace).containsEntry("UserPosition", "").containsEntry("OrganizationInchargeName", "")
                .doesNotContainKeys("Department", "PlannedEndDate");
        assertThat(violations("UpdateDocumentTraces", trace)).isEmpty();
    }

    private static Dossier sample() {
        try {
            return JSON.treeToValue(Samples.dossier(), Dossier.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dossier with(Dossier d, DossierStatus status, OffsetDateTime finishedAt, OffsetDateTime returnedAt) {
        return new Dossier(d.dossierCode(), d.procedureCode(), d.procedureName(), d.fieldCode(), d.fieldName(),
                d.agencyCode(), d.agencyName(), d.receiptNumber(), d.applicant(), d.summary(), d.channel(),
                d.receivedAt(), d.dueAt(), status, finishedAt, returnedAt, d.fees(), d.documents(), d.results());
    }

    /** The schema's messages for the record as LGSP would receive it. */
    private static List<String> violations(String service, Map<String, Object> record) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH).build();
        try (InputStream in = Files.newInputStream(Path.of("schemas/lgsp/" + service + ".schema.json"))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, InputFormat.JSON, config);
            return schema.validate(JSON.valueToTree(record)).stream().map(Object::toString).toList();
        }
    }
}
