package vn.lienthong.gateway.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.signature.PdfSignatureVerifier;
import vn.lienthong.gateway.signature.SignatureFormat;
import vn.lienthong.gateway.signature.SignatureVerification;
import vn.lienthong.gateway.signature.VerdictReason;
import vn.lienthong.gateway.signature.VerificationReport;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;

/**
 * Verifies the signatures of the signed PDF attachments of a document taken in from the axis, records each verdict
 * in the message log (SIGNATURE_VERIFIED, direction INBOUND) and with the message, and reads them back. A verdict
 * never refuses the document: the edXML signature decides that; the receiving organ sees what its attachments' own
 * signatures are worth.
 */
@Component
public class IncomingAttachmentSignatures {

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PdfSignatureVerifier pdf;
    private final MessageStore store;
    private final JdbcTemplate jdbc;

    IncomingAttachmentSignatures(PdfSignatureVerifier pdf, MessageStore store, JdbcTemplate jdbc) {
        this.pdf = pdf;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * The verdicts on the document's signed PDF attachments (a PDF without a signature, or another file, has none),
     * each also written to the message log as sent by {@code sender}.
     */
    List<SentDocuments.AttachmentVerdict> verify(EdocDocument document, String sender) {
        List<SentDocuments.AttachmentVerdict> verdicts = new ArrayList<>();
        List<EdocAttachment> attachments = document.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            EdocAttachment attachment = attachments.get(i);
            if (!isPdf(attachment.content())) {
                continue;
            }
            VerificationReport report = pdf.verify(attachment.content());
            if (report.reason() == VerdictReason.NO_SIGNER && report.signatures().isEmpty()) {
                continue;
            }
            store.recordSignatureVerification(Direction.INBOUND, Channel.VDXP, sender, null,
                    document.documentId().value(), SignatureVerification.reasonCode(report), "attachment " + i + " ("
                            + attachment.name() + ") " + SignatureVerification.logDetail(SignatureFormat.PDF, report),
                    Sha256.hex(attachment.content()));
            verdicts.add(SentDocuments.AttachmentVerdict.of(i, SignatureFormat.PDF, report));
        }
        return List.copyOf(verdicts);
    }

    /** Keeps the verdicts with the message (in the caller's transaction). */
    void record(String messageId, List<SentDocuments.AttachmentVerdict> verdicts) {
        for (SentDocuments.AttachmentVerdict v : verdicts) {
            jdbc.update("""
                    INSERT INTO document_received_attachment_verdict (message_id, attachment_no, format, verdict, reason,
                                                                      signer_subject, signer_organ)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", messageId, v.attachment(), v.format(), v.verdict(), v.reason(),
                    cut(v.signerSubject(), 1000), cut(v.signerOrgan(), 64));
        }
    }

    /** The verdicts kept with the message, by attachment. */
    public List<SentDocuments.AttachmentVerdict> of(String messageId) {
        return jdbc.query("""
                SELECT attachment_no, format, verdict, reason, signer_subject, signer_organ
                FROM document_received_attachment_verdict WHERE message_id = ? ORDER BY attachment_no""",
                (rs, row) -> new SentDocuments.AttachmentVerdict(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), messageId);
    }

    private static boolean isPdf(byte[] content) {
        return content.length >= PDF_HEADER.length
                && Arrays.equals(content, 0, PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
