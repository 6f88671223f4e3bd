package vn.lienthong.gateway.document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.lienthong.gateway.signature.SignerDetails;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.VerificationReport;

/**
 * The gateway's verdict on the XML signature of something received from the axis, as the local system is told it
 * (docs/vdxp-adapter.md: {@code signature}) and the message log records it: the overall verdict, its reason code, and
 * who signed as far as the deciding signature tells. Text is cut to the lengths of {@code schemas/local/}.
 */
public record ReceiptVerdict(String verdict, String reason, String subject, String organId, String serial,
                             String issuer, OffsetDateTime signedAt) {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The verdict of a report: its overall verdict and reason, the signer of the signature that decided it. */
    public static ReceiptVerdict of(VerificationReport report) {
        Verdict deciding = report.signatures().stream().filter(v -> v.status() == report.verdict()).findFirst()
                .orElse(report.signatures().isEmpty() ? null : report.signatures().get(0));
        SignerDetails signer = deciding == null ? null : deciding.signer();
        Instant signedAt = signer == null ? null : signer.signedAt();
        return new ReceiptVerdict(report.verdict().name(),
                report.reason() == null ? null : cut(report.reason().name(), 100),
                signer == null ? null : cut(signer.subject(), 1000),
                signer == null ? null : cut(signer.organId(), 40),
                signer == null ? null : cut(signer.serial(), 100),
                signer == null ? null : cut(signer.issuer(), 1000),
                signedAt == null ? null : signedAt.atZone(VIETNAM).toOffsetDateTime());
    }

    /** Whether the signature must not be relied on at all: the item is refused. */
    @JsonIgnore
    public boolean invalid() {
        return Verdict.Status.INVALID.name().equals(verdict);
    }

    /** One line for the message log. */
    public String describe(String detail) {
        StringBuilder text = new StringBuilder("XML signature ").append(verdict);
        if (reason != null) {
            text.append(" (").append(reason).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        if (subject != null) {
            text.append("; signer ").append(subject);
        }
        if (serial != null) {
            text.append(", serial ").append(serial);
        }
        return text.toString();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
