package vn.lienthong.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.document.DocumentSamples;
import vn.lienthong.gateway.signature.SamplePki;
import vn.lienthong.gateway.soap.client.AttachmentSignatureFormat;
import vn.lienthong.gateway.soap.client.DocumentAttachment;
import vn.lienthong.gateway.soap.client.DocumentCode;
import vn.lienthong.gateway.soap.client.DocumentType;
import vn.lienthong.gateway.soap.client.Gateway;
import vn.lienthong.gateway.soap.client.OfficialDocument;
import vn.lienthong.gateway.soap.client.Organ;
import vn.lienthong.gateway.soap.client.Promulgation;
import vn.lienthong.gateway.soap.client.SignatureFault;
import vn.lienthong.gateway.soap.client.SubmitDocument;
import vn.lienthong.gateway.soap.client.SubmitDocumentResponse;
import vn.lienthong.gateway.vdxp.AxisPeer;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.soap.client.GetMessageStatus;
import vn.lienthong.gateway.soap.client.GetMessageStatusResponse;

/**
 * An agency's document system using the JAX-WS client generated from the served WSDL sends official documents with
 * SubmitDocument, attachments inline and as MTOM parts: they take the REST path to the axis, byte for byte, and a
 * signature that does not hold is a SignatureFault with the REST code.
 */
class SoapSubmitDocumentTest extends GatewayEndToEndTest {

    @Autowired
    private EdxmlParser parser;

    @BeforeEach
    void clearTheAxis() {
        http.delete("/sim/vdxp/received");
    }

    /** Client sends a document with a small signed attachment inline (base64 in the XML); result: on the axis as sent. */
    @Test
    void sendsADocumentWithAnInlineAttachmentToTheAxis() throws Exception {
        byte[] attachment = DocumentSamples.randomBytes(32 * 1024);
        String number = DocumentSamples.nextNumber();
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);

        SubmitDocumentResponse accepted = soap.submitDocument(request(number, attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment)), null);

        assertAtTheAxis(accepted, number, attachment);
        assertThat(jdbc.queryForObject("SELECT channel FROM message_event WHERE message_id = ? AND event = 'RECEIVED'",
                String.class, accepted.getMessageId())).isEqualTo("SOAP");
    }

    /**
     * Client asks GetMessageStatus about a document it sent; result: the REST answer's travel on the axis too — the
     * axis id, each recipient's state, the verdict on each attachment's signature.
     */
    @Test
    void answersADocumentsStatusWithItsRecipientsAndSignatureVerdicts() throws Exception {
        byte[] attachment = DocumentSamples.randomBytes(8 * 1024);
        Gateway soap = SoapClients.soap11(port, Http.AGENCY_KEY);
        SubmitDocumentResponse accepted = soap.submitDocument(request(DocumentSamples.nextNumber(), attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment)), null);
        gateway.awaitState(accepted.getMessageId(), "DELIVERED");
        await("the axis id is recorded").atMost(Duration.ofSeconds(20))
                .until(() -> gateway.message(accepted.getMessageId()).hasNonNull("axisDocId"));
        JsonNode byRest = gateway.message(accepted.getMessageId());

        GetMessageStatus query = new GetMessageStatus();
        query.setMessageId(accepted.getMessageId());
        GetMessageStatusResponse status = soap.getMessageStatus(query);

        assertThat(status.getKind()).isEqualTo("DOCUMENT");
        assertThat(status.getAxisDocId()).isEqualTo(byRest.path("axisDocId").asText());
        assertThat(status.getRecipients().getRecipient()).extracting(r -> r.getOrganId())
                .containsExactlyElementsOf(byRest.path("recipients").findValuesAsText("organId"));
        assertThat(status.getRecipients().getRecipient()).extracting(r -> r.getState())
                .allMatch(state -> List.of("SENT", "RECEIVED", "DONE").contains(state));
        assertThat(status.getSignatures().getSignature()).singleElement().satisfies(v -> {
            assertThat(v.getAttachment()).isZero();
            assertThat(v.getVerdict()).isEqualTo("VALID");
            assertThat(v.getSignerSubject()).isEqualTo(byRest.at("/signatures/0/signerSubject").asText());
        });
        assertThat(status.getFrom()).as("only for a message taken in from the axis").isNull();
    }

    /**
     * Client sends a 2 MiB signed attachment as an MTOM part, too large to come inline (1,000,000 characters of text
     * at most); result: on the axis byte for byte.
     */
    @Test
    void sendsADocumentWithAnMtomAttachmentOverSoap12() throws Exception {
        byte[] attachment = DocumentSamples.randomBytes(2 * 1024 * 1024);
        String number = DocumentSamples.nextNumber();
        Gateway soap = SoapClients.soap12(port, Http.AGENCY_KEY);
        ((SOAPBinding) ((BindingProvider) soap).getBinding()).setMTOMEnabled(true);

        SubmitDocumentResponse accepted = soap.submitDocument(request(number, attachment,
                DocumentSamples.signed(SamplePki.GOOD_RSA, attachment)), null);

        assertAtTheAxis(accepted, number, attachment);
    }

    /** Client's attachment was changed after it was signed; result: SignatureFault SIGNATURE_INVALID at its pointer. */
    @Test
    void answersAnAttachmentWhoseSignatureDoesNotHoldWithASignatureFault() {
        byte[] signed = DocumentSamples.randomBytes(4096);
        byte[] sent = signed.clone();
        sent[0] ^= 1;

        SignatureFault fault = catchThrowableOfType(SignatureFault.class, () -> SoapClients.soap11(port, Http.AGENCY_KEY)
                .submitDocument(request(DocumentSamples.nextNumber(), sent,
                        DocumentSamples.signed(SamplePki.GOOD_EC, signed)), null));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(fault.getFaultInfo().getStatus()).isEqualTo(422);
        assertThat(fault.getFaultInfo().getViolations().getViolation()).singleElement()
                .satisfies(v -> assertThat(v.getPointer()).isEqualTo("/attachments/0/signature"));
    }

    /** Client's attachment content is an xop:Include of a file; result: ATTACHMENT_REFUSED, the file never read. */
    @Test
    void refusesAnAttachmentThatIncludesSomethingOutsideTheMessage() {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:g=\"https://lienthong.vn/soap/gateway/v1\"><soap:Body><g:SubmitDocument><g:document>"
                + "<g:from><g:organId>000.00.17.H56</g:organId></g:from><g:to><g:organ><g:organId>000.00.00.G22"
                + "</g:organId></g:organ></g:to><g:code><g:number>1</g:number><g:notation>X</g:notation></g:code>"
                + "<g:promulgation><g:date>2024-03-05</g:date></g:promulgation><g:type><g:type>1</g:type></g:type>"
                + "<g:subject>S</g:subject><g:attachments><g:attachment><g:name>a.pdf</g:name>"
                + "<g:contentType>application/pdf</g:contentType><g:content><xop:Include "
                + "xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"file:///etc/passwd\"/></g:content>"
                + "</g:attachment></g:attachments></g:document></g:SubmitDocument></soap:Body></soap:Envelope>";

        HttpResponse<String> answer = http.post("/soap/gateway", envelope.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/xml; charset=utf-8", "X-API-Key", Http.AGENCY_KEY);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<code>ATTACHMENT_REFUSED</code>").doesNotContain("root:");
    }

    private void assertAtTheAxis(SubmitDocumentResponse accepted, String number, byte[] attachment) throws Exception {
        assertThat(accepted.getStatus()).isEqualTo("ACCEPTED");
        assertThat(accepted.getDocumentId()).isEqualTo(DocumentSamples.documentId(number));
        assertThat(accepted.getDestinations().getDestination()).containsExactly("VDXP");
        JsonNode delivered = gateway.awaitState(accepted.getMessageId(), "DELIVERED");
        assertThat(delivered.at("/signatures/0/verdict").asText()).isEqualTo("VALID");
        AxisPeer otherProvince = AxisPeer.otherProvince(port);
        EdocDocument received = otherProvince.waiting(VdxpMessageType.EDOC).stream()
                .map(item -> (EdocDocument) parser.parse(otherProvince.client().getEdoc(item.docId())))
                .filter(d -> d.documentId().value().equals(accepted.getDocumentId()))
                .findFirst().orElseThrow();
        assertThat(Sha256.hex(received.attachments().get(0).content())).isEqualTo(Sha256.hex(attachment));
    }

    private static SubmitDocument request(String number, byte[] content, byte[] signature) {
        OfficialDocument document = new OfficialDocument();
        document.setFrom(organ(DocumentSamples.FROM, "UBND xã Hải Trường"));
        document.setTo(new OfficialDocument.To());
        document.getTo().getOrgan().add(organ(DocumentSamples.TO, "Văn phòng Chính phủ"));
        DocumentCode code = new DocumentCode();
        code.setNumber(number);
        code.setNotation("UBND-TP");
        document.setCode(code);
        Promulgation promulgation = new Promulgation();
        promulgation.setPlace("Hải Lăng");
        try {
            promulgation.setDate(DatatypeFactory.newInstance().newXMLGregorianCalendarDate(2024, 3, 5,
                    DatatypeConstants.FIELD_UNDEFINED));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        document.setPromulgation(promulgation);
        DocumentType type = new DocumentType();
        type.setType("1");
        type.setName("Công văn");
        document.setType(type);
        document.setSubject("Báo cáo tình hình tiếp nhận hồ sơ quý I");
        document.setPriority(0);
        DocumentAttachment attachment = new DocumentAttachment();
        attachment.setName("bao-cao.pdf");
        attachment.setContentType("application/pdf");
        attachment.setContent(content);
        attachment.setSignature(signature);
        attachment.setSignatureFormat(AttachmentSignatureFormat.CMS_DETACHED);
        document.setAttachments(new OfficialDocument.Attachments());
        document.getAttachments().getAttachment().add(attachment);
        SubmitDocument request = new SubmitDocument();
        request.setDocument(document);
        return request;
    }

    private static Organ organ(String organId, String name) {
        Organ organ = new Organ();
        organ.setOrganId(organId);
        organ.setOrganName(name);
        return organ;
    }
}
