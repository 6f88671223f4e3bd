package vn.lienthong.gateway.document;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.signature.CmsSignatureVerifier;
import vn.lienthong.gateway.signature.PdfSignatureVerifier;
import vn.lienthong.gateway.signature.SignatureVerification;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.VerificationReport;
import vn.lienthong.gateway.vdxp.EdocAttachment;

/**
 * Verifies the signature of every signed attachment of a posted document before it is accepted, records each verdict
 * in the message log (SIGNATURE_VERIFIED), and decides: any INVALID refuses the document (422 SIGNATURE_INVALID, each
 * at its attachment's pointer with its reason code); an INDETERMINATE one refuses it (503 SIGNATURE_INDETERMINATE,
 * Retry-After) or lets it through, flagged, as {@code lienthong.documents.indeterminate-signature} says.
 */
@Component("attachmentSignatures")
public class AttachmentSignatures {

    /** Exchange property: the verdicts ({@code List<SentDocuments.AttachmentVerdict>}) of the document's attachments. */
    public static final String VERDICTS = "lienthongAttachmentVerdicts";

    private final CmsSignatureVerifier cms;
    private final PdfSignatureVerifier pdf;
    private final MessageStore store;
    private final DocumentProperties settings;

    AttachmentSignatures(CmsSignatureVerifier cms, PdfSignatureVerifier pdf, MessageStore store,
                         DocumentProperties settings) {
        this.cms = cms;
        this.pdf = pdf;
        this.store = store;
        this.settings = settings;
    }

    /** Verifies the signatures of the document on the exchange; returns only when it may be accepted. */
    public void verify(Exchange exchange) {
        OutgoingDocument document = exchange.getProperty(ExchangeKeys.DOCUMENT, OutgoingDocument.class);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        Channel channel = Channel.ofPath(exchange.getProperty(ExchangeKeys.REQUEST_PATH, String.class));
        String remote = exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class);
        List<Violation> invalid = new ArrayList<>();
        List<Violation> indeterminate = new ArrayList<>();
        List<SentDocuments.AttachmentVerdict> verdicts = new ArrayList<>();
        for (AttachmentSignature signature : document.signatures()) {
            EdocAttachment attachment = document.document().attachments().get(signature.index());
            VerificationReport report = verify(signature, attachment.content());
            store.recordSignatureVerification(channel, client.id(), remote, document.documentId(),
                    SignatureVerification.reasonCode(report), "attachment " + signature.index() + " ("
                            + attachment.name() + ") " + SignatureVerification.logDetail(signature.format(), report),
                    Sha256.hex(attachment.content()));
            verdicts.add(SentDocuments.AttachmentVerdict.of(signature.index(), signature.format(), report));
            if (report.verdict() == Verdict.Status.INVALID) {
                invalid.add(new Violation(signature.pointer(), explain(report), reasonName(report)));
            } else if (report.verdict() == Verdict.Status.INDETERMINATE) {
                indeterminate.add(new Violation(signature.pointer(), explain(report), reasonName(report)));
            }
        }
        if (!invalid.isEmpty()) {
            throw new GatewayException(ErrorCode.SIGNATURE_INVALID, invalid.size() == 1
                    ? "The signature of attachment " + invalid.get(0).pointer() + " is not valid: "
                            + invalid.get(0).code() + "."
                    : invalid.size() + " attachment signatures are not valid; see errors.", invalid);
        }
        if (!indeterminate.isEmpty() && settings.getIndeterminateSignature()
                == DocumentProperties.IndeterminatePolicy.REFUSE) {
            throw new GatewayException(ErrorCode.SIGNATURE_INDETERMINATE, "The validity of "
                    + (indeterminate.size() == 1 ? "the signature of attachment " + indeterminate.get(0).pointer()
                            : indeterminate.size() + " attachment signatures")
                    + " cannot be decided now (" + indeterminate.get(0).code() + "); send the document again later.",
                    indeterminate).retryAfter(settings.getIndeterminateRetryAfter().toSeconds());
        }
        exchange.setProperty(VERDICTS, List.copyOf(verdicts));
    }

    /** The dispatch point on the signature's format: a detached CMS over the attachment, or a signed PDF. */
    private VerificationReport verify(AttachmentSignature signature, byte[] content) {
        return switch (signature.format()) {
            case CMS_DETACHED -> cms.verifyDetached(content, signature.signature());
            case PDF -> pdf.verify(content);
            case CMS_ENVELOPING, XMLDSIG -> throw new IllegalStateException(signature.format()
                    + " is not a format an attachment is read with");
        };
    }

    private static String reasonName(VerificationReport report) {
        return report.reason() == null ? null : report.reason().name();
    }

    /** The verdict and its reason in words; the signer's name, not the content. */
    private static String explain(VerificationReport report) {
        return report.verdict() + " (" + reasonName(report) + ")"
                + (report.detail() == null ? "" : ": " + report.detail());
    }
}
