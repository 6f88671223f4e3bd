package vn.lienthong.gateway.signature;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * Answers {@code POST /api/v1/signatures/verify}: verifies the signature the request carries, records the verdict in
 * the message log, and puts the answer of DESIGN §6.6 in the body.
 */
@Component("signatureVerification")
public class SignatureVerification {

    private final CmsSignatureVerifier cms;
    private final XmlSignatureVerifier xml;
    private final MessageStore store;

    SignatureVerification(CmsSignatureVerifier cms, XmlSignatureVerifier xml, MessageStore store) {
        this.cms = cms;
        this.xml = xml;
        this.store = store;
    }

    /** Reads the request from the parsed body, verifies, records, and sets the answer as the body. */
    public void verify(Exchange exchange) {
        SignatureVerifyRequest request = SignatureVerifyRequest.from(exchange.getProperty(ExchangeKeys.JSON,
                JsonNode.class));
        VerificationReport report = switch (request.format()) {
            case CMS_DETACHED -> cms.verifyDetached(request.content(), request.signature());
            case CMS_ENVELOPING -> cms.verifyEnveloping(request.content());
            case XMLDSIG -> xml.verify(request.content());
            case PDF -> throw new IllegalStateException(request.format() + " passed the request check");
        };
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        store.recordSignatureVerification(client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                reasonCode(report), logDetail(request.format(), report), Sha256.hex(request.content()));
        exchange.getIn().setBody(Answer.of(report));
    }

    /** {@code VALID}, or the verdict and its reason, e.g. {@code INVALID:CERT_REVOKED}. */
    public static String reasonCode(VerificationReport report) {
        return report.reason() == null ? report.verdict().name() : report.verdict() + ":" + report.reason();
    }

    /** The verdict of every signature found, for the message log. */
    public static String logDetail(SignatureFormat format, VerificationReport report) {
        String signatures = report.signatures().stream()
                .map(v -> v.status() + (v.reason() == null ? "" : " " + v.reason()) + " "
                        + (v.signer().subject() == null ? "unknown signer" : v.signer().subject())
                        + (v.signer().serial() == null ? "" : " serial " + v.signer().serial()))
                .collect(Collectors.joining("; "));
        return format + " " + reasonCode(report) + (report.detail() == null ? "" : ": " + report.detail())
                + " [" + signatures + "]";
    }

    /** The answer of DESIGN §6.6. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Answer(String verdict, String reason, List<Signature> signatures) {

        static Answer of(VerificationReport report) {
            return new Answer(report.verdict().name(), name(report.reason()),
                    report.signatures().stream().map(Signature::of).toList());
        }
    }

    /** One signature in the answer. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Signature(String verdict, String reason, String subject, String organId, String serial, String issuer,
                     List<String> chain, String signedAt, String algorithm) {

        static Signature of(Verdict verdict) {
            SignerDetails s = verdict.signer();
            return new Signature(verdict.status().name(), name(verdict.reason()), s.subject(), s.organId(),
                    s.serial(), s.issuer(), s.chain(),
                    s.signedAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(s.signedAt()), s.algorithm());
        }
    }

    private static String name(VerdictReason reason) {
        return reason == null ? null : reason.name();
    }
}
