package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lienthong.gateway.vdxp.Edocs.BUILDER;
import static vn.lienthong.gateway.vdxp.Edocs.PARSER;
import static vn.lienthong.gateway.vdxp.Edocs.SCHEMA;
import static vn.lienthong.gateway.vdxp.Edocs.sample;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.Sha256;

/** The builder writes what the parser reads back unchanged, in the strict form of the schema. */
class EdxmlBuilderTest {

    @Test
    void rewritesTheFieldDocumentAsSchemaValidEdxmlWithTheSameContent() {
        EdocDocument field = PARSER.parseDocument(new ByteArrayInputStream(sample("edoc_new.edxml")));

        byte[] rewritten = BUILDER.toBytes(field);

        assertThat(SCHEMA.violations(new ByteArrayInputStream(rewritten))).isEmpty();
        EdocDocument again = PARSER.parseDocument(new ByteArrayInputStream(rewritten));
        assertThat(again).isEqualTo(field);
        assertThat(Sha256.hex(again.attachments().get(0).content()))
                .isEqualTo("7ab7c43a02a3cf2cedd14ebf2545a37e7a1307e0091b4ba94c2ef1e842a763aa");
        String xml = new String(rewritten, StandardCharsets.UTF_8);
        assertThat(xml).contains("<edXML:PromulgationDate>2020/10/30</edXML:PromulgationDate>")
                .contains("<edXML:DocumentId>000.00.11.H53,2020/10/30,2491/STC-BCTC</edXML:DocumentId>")
                .doesNotContain("30/10/2020").doesNotContain("<edXML:DueDate");
    }

    @Test
    void theFieldFilesThemselvesAreNotInTheStrictForm() {
        assertThat(SCHEMA.violations(new ByteArrayInputStream(sample("edoc_new.edxml"))))
                .extracting(Violation::pointer)
                .contains("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate");
        assertThat(SCHEMA.violations(new ByteArrayInputStream(sample("status_processing_05.edxml")))).isNotEmpty();
    }

    @Test
    void rewritesTheFieldStatusMessageAsSchemaValidEdxml() {
        EdocStatus field = PARSER.parseStatus(new ByteArrayInputStream(sample("status_processing_05.edxml")));

        byte[] rewritten = BUILDER.toBytes(field);

        assertThat(SCHEMA.violations(new ByteArrayInputStream(rewritten))).isEmpty();
        assertThat(PARSER.parseStatus(new ByteArrayInputStream(rewritten))).isEqualTo(field);
        assertThat(new String(rewritten, StandardCharsets.UTF_8))
                .contains("<edXML:Timestamp>2015/09/20 11:08:36</edXML:Timestamp>");
    }

    @Test
    void writesADocumentForSeveralRecipients() {
        List<Organ> to = List.of(Organ.of("000.00.00.G22", "Văn phòng Chính phủ"),
                Organ.of("000.00.01.A53", "Văn phòng tỉnh ủy"), Organ.of("000.00.18.H56", "UBND xã Hải Định"));
        EdocDocument document = Edocs.document(to, List.of(
                new EdocAttachment("cv.pdf", "application/pdf", null, Edocs.randomBytes(5000, 1)),
                new EdocAttachment("phu-luc.docx", "application/vnd.openxmlformats-officedocument"
                        + ".wordprocessingml.document", "Phụ lục", Edocs.randomBytes(7, 2))));

        byte[] edxml = BUILDER.toBytes(document);

        assertThat(SCHEMA.violations(new ByteArrayInputStream(edxml))).isEmpty();
        EdocDocument read = PARSER.parseDocument(new ByteArrayInputStream(edxml));
        assertThat(read).isEqualTo(document);
        assertThat(read.to()).extracting(Organ::organId).containsExactly("000.00.00.G22", "000.00.01.A53",
                "000.00.18.H56");
        assertThat(new String(edxml, StandardCharsets.UTF_8))
                .contains("<edXML:DocumentId>000.00.17.H56,2024/03/05,57/UBND-TP</edXML:DocumentId>")
                .contains("<edXML:ContentId>cid:2</edXML:ContentId>");
    }

    @Test
    void keepsTextExactlyAsGivenEvenWithMarkupAndCarriageReturns() {
        String content = "Kính gửi: <Sở> & \"Ban\"\r\nNội dung ]]> 'trích'\rhết";
        EdocDocument document = new EdocDocument(Edocs.document(1).from(), Edocs.document(1).to(),
                new DocumentCode("57", "UBND-TP"), Edocs.document(1).promulgation(), Edocs.document(1).type(),
                "Subject & <b>", content, null, null, null, List.of(), null, List.of(), null, List.of());

        byte[] edxml = BUILDER.toBytes(document);

        assertThat(SCHEMA.violations(new ByteArrayInputStream(edxml))).isEmpty();
        EdocDocument read = PARSER.parseDocument(new ByteArrayInputStream(edxml));
        assertThat(read.content()).isEqualTo(content);
        assertThat(read.subject()).isEqualTo("Subject & <b>");
    }

    @Test
    void keepsALargeAttachmentByteIdentical() {
        EdocDocument document = Edocs.document(3 * 1024 * 1024 + 1);

        byte[] edxml = BUILDER.toBytes(document);

        EdocDocument read = PARSER.parseDocument(new ByteArrayInputStream(edxml));
        assertThat(read.attachments().get(0).content()).isEqualTo(document.attachments().get(0).content());
    }

    @Test
    void writesStatusMessagesReceivedAndDone() {
        for (StatusCode code : List.of(StatusCode.RECEIVED, StatusCode.DONE)) {
            EdocStatus status = Edocs.status(code, LocalDateTime.of(2024, 3, 6, 14, 5, 9));

            byte[] edxml = BUILDER.toBytes(status);

            assertThat(SCHEMA.violations(new ByteArrayInputStream(edxml))).isEmpty();
            EdocStatus read = PARSER.parseStatus(new ByteArrayInputStream(edxml));
            assertThat(read).isEqualTo(status);
            assertThat(read.responseFor().documentId()).isEqualTo("000.00.17.H56,2024/03/05,57/UBND-TP");
            assertThat(new String(edxml, StandardCharsets.UTF_8))
                    .contains("<edXML:StatusCode>" + code.code() + "</edXML:StatusCode>");
        }
    }

    @Test
    void writesNothingForADocumentThatBreaksARule() {
        EdocDocument noRecipient = Edocs.document(List.of(), List.of());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        GatewayException refused = catchThrowableOfType(() -> BUILDER.write(noRecipient, out),
                GatewayException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.DOCUMENT_INVALID);
        assertThat(refused.violations()).extracting(Violation::code).containsExactly("TO_MISSING");
        assertThat(out.size()).isZero();
    }

    @Test
    void theSchemaRefusesTheFieldDateOrderAndASecondSignatureKind() {
        String xml = new String(BUILDER.toBytes(Edocs.document(10)), StandardCharsets.UTF_8);
        String dayFirst = xml.replace(">2024/03/05<", ">05/03/2024<");
        String foreign = xml.replace("</edXML:edXMLHeader>", "<x:Other xmlns:x=\"urn:x\"/></edXML:edXMLHeader>");
        String signed = xml.replace("</edXML:edXMLHeader>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>"
                        + "</edXML:edXMLHeader>");

        assertThat(SCHEMA.violations(utf8(dayFirst))).extracting(Violation::pointer, Violation::code).contains(
                org.assertj.core.groups.Tuple.tuple(
                        "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate",
                        "SCHEMA_VIOLATION"));
        assertThat(SCHEMA.violations(utf8(foreign))).isNotEmpty();
        assertThat(SCHEMA.violations(utf8(signed))).isEmpty();
    }

    @Test
    void theSchemaCheckRefusesADocumentTypeDeclaration() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML>";

        assertThat(SCHEMA.violations(utf8(xxe))).extracting(Violation::code).containsExactly("NOT_WELL_FORMED");
    }

    private static ByteArrayInputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
