package vn.lienthong.gateway.lgsp;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.dossier.Dossier;
import vn.lienthong.gateway.dossier.DossierStates;
import vn.lienthong.gateway.dossier.DossierStatus;
import vn.lienthong.gateway.dossier.Progress;

/**
 * Maps a canonical dossier to an LGSP {@code SyncDocument} record (MSyncDocument field names) and a progress step to
 * an {@code UpdateDocumentTraces} record; see docs/lgsp-mapping.md.
 */
@Component("lgspDocumentMapper")
public class LgspDocumentMapper {

    static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** {@code 2024-01-01T08:00:00.000+0700}: the form LGSP documents carry their times in. */
    static final DateTimeFormatter PLATFORM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private final DossierStates states;

    LgspDocumentMapper(DossierStates states) {
        this.states = states;
    }

    /** Puts the {@code SyncDocument} record of the exchange's dossier on it. */
    public void mapDocument(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.PLATFORM_RECORD, toDocument(exchange.getProperty(ExchangeKeys.DOSSIER,
                Dossier.class)));
    }

    /** Puts the {@code UpdateDocumentTraces} record of the exchange's progress step on it. */
    public void mapTraces(Exchange exchange) {
        String dossierCode = exchange.getIn().getHeader(ExchangeKeys.DOSSIER_CODE, String.class);
        String agencyCode = exchange.getIn().getHeader(ExchangeKeys.AGENCY_CODE, String.class);
        String agencyName = states.routeOf(dossierCode).map(DossierStates.Route::agencyName).orElse(null);
        exchange.setProperty(ExchangeKeys.PLATFORM_RECORD, toTraces(dossierCode, agencyCode, agencyName,
                exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class)));
    }

    Map<String, Object> toDocument(Dossier d) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("DocTypeCode", d.procedureCode());
        r.put("DocTypeName", d.procedureName());
        r.put("DocCode", d.dossierCode());
        r.put("CitizenName", d.applicant().name());
        r.put("ApplicantsId", d.applicant().idNumber());
        r.put("ApplicantsType", d.applicant().type() == Dossier.ApplicantType.CITIZEN ? 1 : 2);
        putIfPresent(r, "Address", d.applicant().address());
        putIfPresent(r, "Email", d.applicant().email());
        r.put("Phone", orEmpty(d.applicant().phone()));
        r.put("Compendium", d.summary());
        r.put("DateReceived", platformDate(d.receivedAt()));
        r.put("DateAppointed", platformDate(d.dueAt()));
        r.put("IsSuccess", d.status() == DossierStatus.DONE || d.status() == DossierStatus.RETURNED);
        putIfPresent(r, "SuccessDate", platformDate(d.finishedAt()));
        r.put("IsReturned", d.returnedAt() != null || d.status() == DossierStatus.RETURNED);
        putIfPresent(r, "ReturnedDate", platformDate(d.returnedAt()));
        r.put("ReturnedType", d.channel() == Dossier.Channel.POSTAL ? 1 : 0);
        putIfPresent(r, "FinishedDate", platformDate(d.finishedAt()));
        r.put("Status", d.status().code());
        r.put("ProcessingOrganName", d.agencyName());
        r.put("HasSupplementary", d.status() == DossierStatus.SUPPLEMENT_REQUESTED);
        r.put("Attachments", attachments(d.documents()));
        r.put("DocFees", d.fees().stream().map(LgspDocumentMapper::fee).toList());
        r.put("Results", d.results().stream().map(LgspDocumentMapper::result).toList());
        r.put("OrganInchargeIdLevel1", d.agencyCode());
        r.put("OrganInchargeName", d.agencyName());
        return r;
    }

    Map<String, Object> toTraces(String dossierCode, String agencyCode, String agencyName, Progress p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("DocumentId", dossierCode);
        r.put("DocCode", dossierCode);
        r.put("UserName", p.officer());
        r.put("UserPosition", orEmpty(p.officerTitle()));
        putIfPresent(r, "Department", p.department());
        r.put("DateCreated", platformDate(p.at()));
        r.put("Comment", p.note());
        r.put("Status", p.status().code());
        putIfPresent(r, "PlannedEndDate", platformDate(p.plannedEndAt()));
        r.put("OrganizationInchargeIdLevel1", agencyCode);
        r.put("OrganizationInchargeName", orEmpty(agencyName));
        return r;
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS+0700} in Asia/Ho_Chi_Minh, whatever offset the agency sent. */
    static String platformDate(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(PLATFORM_ZONE).format(PLATFORM_DATE);
    }

    static int paymentCode(Dossier.PaymentMethod method) {
        return switch (method) {
            case CASH -> 1;
            case TRANSFER -> 2;
            case ONLINE -> 3;
        };
    }

    private static List<Map<String, Object>> attachments(List<Dossier.DocumentRef> documents) {
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Dossier.DocumentRef doc = documents.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("AttachmentId", i + 1);
            m.put("AttachmentName", doc.name());
            putIfPresent(m, "ComponentCode", doc.componentCode());
            m.put("Url", doc.url());
            putIfPresent(m, "Sha256", doc.sha256());
            m.put("IsDeleted", false);
            m.put("IsVerified", false);
            attachments.add(m);
        }
        return attachments;
    }

    private static Map<String, Object> fee(Dossier.Fee f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "FeeCode", f.code());
        m.put("FeeName", f.name());
        m.put("Price", f.amount());
        m.put("PaymentMethod", paymentCode(f.method()));
        return m;
    }

    private static Map<String, Object> result(Dossier.ResultRef res) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "ResultId", res.id());
        m.put("ResultName", res.name());
        putIfPresent(m, "ComponentCode", res.componentCode());
        m.put("Url", res.url());
        return m;
    }

    /** A field the platform requires even when there is nothing to say is sent empty, as its own clients do. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void putIfPresent(Map<String, Object> record, String field, Object value) {
        if (value != null) {
            record.put(field, value);
        }
    }
}
