package vn.lienthong.gateway.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.dossier.Dossier;
import vn.lienthong.gateway.dossier.DossierStatus;

/** The canonical dossier maps to the DVCQG DongBoHoSoMC record field by field, code by code. */
class DvcqgRecordMapperTest {

    private final DvcqgRecordMapper mapper = new DvcqgRecordMapper(null);

    @ParameterizedTest
    @CsvSource({"NEW,1", "ACCEPTED,2", "NOT_ACCEPTED,3", "PROCESSING,4", "SUPPLEMENT_REQUESTED,5",
            "PAYMENT_REQUIRED,6", "WITHDRAWN,7", "STOPPED,8", "DONE,9", "RETURNED,10"})
    void mapsEveryStatusToItsPlatformCode(DossierStatus status, String code) {
        assertThat(mapper.toRecord(dossier(status, Dossier.Channel.ONLINE, citizen())))
                .containsEntry("TrangThaiHoSo", code);
    }

    @Test
    void coversEveryStatus() {
        assertThat(DossierStatus.values()).extracting(DossierStatus::code)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @ParameterizedTest
    @CsvSource({"DIRECT,1", "ONLINE,2", "POSTAL,3"})
    void mapsEveryChannelToHinhThuc(Dossier.Channel channel, String code) {
        assertThat(mapper.toRecord(dossier(DossierStatus.ACCEPTED, channel, citizen()))).containsEntry("HinhThuc", code);
    }

    @Test
    void mapsCitizenApplicantAsLoaiDoiTuong1() {
        Map<String, Object> record = mapper.toRecord(dossier(DossierStatus.ACCEPTED, Dossier.Channel.ONLINE, citizen()));

        assertThat(record).containsEntry("LoaiDoiTuong", "1").containsEntry("MaDoiTuong", "045090001234")
                .containsEntry("ChuHoSo", "Hồ Quang Thuận");
    }

    @Test
    void mapsBusinessApplicantAsLoaiDoiTuong2WithTaxCode() {
        Dossier.Applicant business = new Dossier.Applicant(Dossier.ApplicantType.BUSINESS, "3301234567",
                "Công ty TNHH Hải Trường", null, null, null);

        Map<String, Object> record = mapper.toRecord(dossier(DossierStatus.ACCEPTED, Dossier.Channel.DIRECT, business));

        assertThat(record).containsEntry("LoaiDoiTuong", "2").containsEntry("MaDoiTuong", "3301234567")
                .doesNotContainKeys("Email", "SoDienThoai");
    }

    @ParameterizedTest
    @EnumSource(Dossier.PaymentMethod.class)
    void mapsFeesWithPaymentMethodCodes(Dossier.PaymentMethod method) {
        Dossier d = withFees(List.of(new Dossier.Fee("LP01", "Lệ phí", 50_000, method)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fees = (List<Map<String, Object>>) mapper.toRecord(d).get("DanhSachLePhi");

        assertThat(fees).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("MaPhiLePhi", "LP01").containsEntry("TenPhiLePhi", "Lệ phí").containsEntry("Gia", 50_000L)
                .containsEntry("HinhThucThu", String.valueOf(method.ordinal() + 1)));
    }

    @Test
    void writesDatesAsVietnamLocalTimeWithoutSeparators() {
        assertThat(DvcqgRecordMapper.platformDate(OffsetDateTime.parse("2024-12-31T17:30:05Z")))
                .isEqualTo("20250101003005");
        assertThat(DvcqgRecordMapper.platformDate(OffsetDateTime.parse("2024-01-01T08:00:00+07:00")))
                .isEqualTo("20240101080000");
    }

    @Test
    void mapsFinishedAndReturnedTimesWhenPresent() {
        Dossier base = dossier(DossierStatus.RETURNED, Dossier.Channel.ONLINE, citizen());
        Dossier done = new Dossier(base.dossierCode(), base.procedureCode(), base.procedureName(), base.fieldCode(),
                base.fieldName(), base.agencyCode(), base.agencyName(), null, base.applicant(), base.summary(),
                base.channel(), base.receivedAt(), base.dueAt(), base.status(),
                OffsetDateTime.parse("2024-01-02T10:00:00+07:00"), OffsetDateTime.parse("2024-01-02T15:00:00+07:00"),
                null, null, List.of(new Dossier.ResultRef("KQ1", "KQ", "Giấy khai sinh", "https://x.vn/kq.pdf")));

        Map<String, Object> record = mapper.toRecord(done);

        assertThat(record).containsEntry("NgayKetThucXuLy", "20240102100000").containsEntry("NgayTra", "20240102150000")
                .doesNotContainKey("SoBienNhan");
        assertThat(record.get("DanhSachGiayToKetQua")).isEqualTo(List.of(Map.of("GiayToId", "KQ1",
                "TenGiayTo", "Giấy khai sinh", "MaThanhPhanHoSo", "KQ", "DuongDanTepTinKetQua", "https://x.vn/kq.pdf")));
    }

    private static Dossier.Applicant citizen() {
        return new Dossier.Applicant(Dossier.ApplicantType.CITIZEN, "045090001234", "Hồ Quang Thuận", "0912345678",
                "thuan@example.vn", "Thôn Đông");
    }

    private static Dossier dossier(DossierStatus status, Dossier.Channel channel, Dossier.Applicant applicant) {
        return new Dossier("000.00.17.H56-240101-0001", "1.001193.000.00.00.H56", "Đăng ký khai sinh", "G09-TP08",
                "Hộ tịch", "000.00.17.H56", "UBND xã Hải Trường", "BN-1", applicant, "Khai sinh", channel,
                OffsetDateTime.parse("2024-01-01T08:00:00+07:00"), OffsetDateTime.parse("2024-01-03T17:00:00+07:00"),
                status, null, null, null, null, null);
    }

    private static Dossier withFees(List<Dossier.Fee> fees) {
        Dossier d = dossier(DossierStatus.ACCEPTED, Dossier.Channel.ONLINE, citizen());
        return new Dossier(d.dossierCode(), d.procedureCode(), d.procedureName(), d.fieldCode(), d.fieldName(),
                d.agencyCode(), d.agencyName(), d.receiptNumber(), d.applicant(), d.summary(), d.channel(),
                d.receivedAt(), d.dueAt(), d.status(), null, null, fees, null, null);
    }
}
