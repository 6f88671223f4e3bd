package vn.lienthong.gateway.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** The canonical dossier record (hồ sơ TTHC) as agency systems submit it; see {@code schemas/json/dossier.schema.json}. */
public record Dossier(String dossierCode, String procedureCode, String procedureName, String fieldCode,
                      String fieldName, String agencyCode, String agencyName, String receiptNumber,
                      Applicant applicant, String summary, Channel channel, OffsetDateTime receivedAt,
                      OffsetDateTime dueAt, DossierStatus status, OffsetDateTime finishedAt,
                      OffsetDateTime returnedAt, List<Fee> fees, List<DocumentRef> documents,
                      List<ResultRef> results) {

    public Dossier {
        fees = fees == null ? List.of() : List.copyOf(fees);
        documents = documents == null ? List.of() : List.copyOf(documents);
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The person or business the dossier is for. */
    public record Applicant(ApplicantType type, String idNumber, String name, String phone, String email,
                            String address) {
    }

    /** Whether the applicant is a citizen (12-digit identity number) or a business (tax code). */
    public enum ApplicantType { CITIZEN, BUSINESS }

    /** How the dossier was submitted. */
    public enum Channel { DIRECT, ONLINE, POSTAL }

    /** A fee or charge (phí, lệ phí) and how it was paid. */
    public record Fee(String code, String name, long amount, PaymentMethod method) {
    }

    /** How a fee was paid. */
    public enum PaymentMethod { CASH, TRANSFER, ONLINE }

    /** A document submitted with the dossier (thành phần hồ sơ). */
    public record DocumentRef(String componentCode, String name, String url, String sha256) {
    }

    /** A result document issued for the dossier (giấy tờ kết quả). */
    public record ResultRef(String id, String componentCode, String name, String url) {
    }
}
