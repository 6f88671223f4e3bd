package vn.lienthong.gateway.dvcqg;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.dossier.Dossier;
import vn.lienthong.gateway.dossier.Progress;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * Maps a canonical dossier to a DVCQG {@code DongBoHoSoMC} record, and a progress step to a
 * {@code CapNhatTienDoHoSoMC} record: Vietnamese field names, platform codes and dates (docs/dvcqg-mapping.md).
 */
@Component("dvcqgRecordMapper")
public class DvcqgRecordMapper {

    /** Exchange property: whether DVCQG already holds this dossier, so the record is sent as an update. */
    static final String DESTINATION = "DVCQG";
    static final String UPDATING = "lienthongDvcqgUpdating";
    static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter PLATFORM_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final MessageStore store;

    DvcqgRecordMapper(MessageStore store) {
        this.store = store;
    }

    /** Puts the platform record for the exchange's dossier on it, and whether it updates an earlier sync. */
    public void map(Exchange exchange) {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        exchange.setProperty(ExchangeKeys.PLATFORM_RECORD, toRecord(dossier));
        exchange.setProperty(UPDATING, store.hasEarlierDelivery(dossier.dossierCode(), DESTINATION, messageId));
    }

    /** Puts the {@code CapNhatTienDoHoSoMC} record for the exchange's progress step on it. */
    public void mapProgress(Exchange exchange) {
        Progress step = exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class);
        String dossierCode = exchange.getIn().getHeader(ExchangeKeys.DOSSIER_CODE, String.class);
        exchange.setProperty(ExchangeKeys.PLATFORM_RECORD, toProgressRecord(dossierCode, step));
    }

    Map<String, Object> toProgressRecord(String dossierCode, Progress p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaHoSo", dossierCode);
        r.put("NguoiXuLy", p.officer());
        putIfPresent(r, "ChucDanh", p.officerTitle());
        r.put("ThoiDiemXuLy", platformDate(p.at()));
        putIfPresent(r, "PhongBanXuLy", p.department());
        r.put("NoiDungXuLy", p.note());
        r.put("TrangThai", String.valueOf(p.status().code()));
        r.put("NgayBatDau", platformDate(p.at()));
        putIfPresent(r, "NgayKetThucTheoQuyDinh", platformDate(p.plannedEndAt()));
        return r;
    }

    Map<String, Object> toRecord(Dossier d) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaHoSo", d.dossierCode());
        r.put("MaTTHC", d.procedureCode());
        r.put("TenTTHC", d.procedureName());
        r.put("MaLinhVuc", d.fieldCode());
        r.put("TenLinhVuc", d.fieldName());
        putIfPresent(r, "SoBienNhan", d.receiptNumber());
        r.put("ChuHoSo", d.applicant().name());
        r.put("LoaiDoiTuong", d.applicant().type() == Dossier.ApplicantType.CITIZEN ? "1" : "2");
        r.put("MaDoiTuong", d.applicant().idNumber());
        putIfPresent(r, "Email", d.applicant().email());
        putIfPresent(r, "SoDienThoai", d.applicant().phone());
        r.put("TrichYeuHoSo", d.summary());
        r.put("NgayTiepNhan", platformDate(d.receivedAt()));
        r.put("NgayHenTra", platformDate(d.dueAt()));
        r.put("TrangThaiHoSo", String.valueOf(d.status().code()));
        putIfPresent(r, "NgayTra", platformDate(d.returnedAt()));
        r.put("HinhThuc", channelCode(d.channel()));
        putIfPresent(r, "NgayKetThucXuLy", platformDate(d.finishedAt()));
        r.put("DonViXuLy", d.agencyName());
        r.put("DanhSachLePhi", d.fees().stream().map(DvcqgRecordMapper::fee).toList());
        r.put("TaiLieuNop", d.documents().stream().map(DvcqgRecordMapper::submitted).toList());
        r.put("DanhSachGiayToKetQua", d.results().stream().map(DvcqgRecordMapper::result).toList());
        return r;
    }

    /** {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, whatever offset the agency sent. */
    static String platformDate(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(PLATFORM_ZONE).format(PLATFORM_DATE);
    }

    static String channelCode(Dossier.Channel channel) {
        return switch (channel) {
            case DIRECT -> "1";
            case ONLINE -> "2";
            case POSTAL -> "3";
        };
    }

    static String paymentCode(Dossier.PaymentMethod method) {
        return switch (method) {
            case CASH -> "1";
            case TRANSFER -> "2";
            case ONLINE -> "3";
        };
    }

    private static Map<String, Object> fee(Dossier.Fee f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "MaPhiLePhi", f.code());
        m.put("TenPhiLePhi", f.name());
        m.put("Gia", f.amount());
        m.put("HinhThucThu", paymentCode(f.method()));
        return m;
    }

    private static Map<String, Object> submitted(Dossier.DocumentRef doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TenTepDinhKem", doc.name());
        putIfPresent(m, "MaThanhPhanHoSo", doc.componentCode());
        m.put("DuongDanTaiTepTin", doc.url());
        return m;
    }

    private static Map<String, Object> result(Dossier.ResultRef res) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "GiayToId", res.id());
        m.put("TenGiayTo", res.name());
        putIfPresent(m, "MaThanhPhanHoSo", res.componentCode());
        m.put("DuongDanTepTinKetQua", res.url());
        return m;
    }

    private static void putIfPresent(Map<String, Object> record, String field, Object value) {
        if (value != null) {
            record.put(field, value);
        }
    }
}
