package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lienthong.gateway.vdxp.Edocs.PARSER;
import static vn.lienthong.gateway.vdxp.Edocs.documentXml;
import static vn.lienthong.gateway.vdxp.Edocs.sample;
import static vn.lienthong.gateway.vdxp.Edocs.utf8;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.Sha256;

/** The parser reads edXML as senders in the field write it and refuses hostile or unusable files with located codes. */
class EdxmlParserTest {

    private static final String HEADER = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader";

    @Test
    void readsTheFieldDocumentWithItsAttachment() {
        EdocDocument document = PARSER.parseDocument(new ByteArrayInputStream(sample("edoc_new.edxml")));

        assertThat(document.from()).isEqualTo(new Organ("000.00.11.H53", "Tỉnh Tây Ninh", "Sở Tính", null,
                "stc@tayninh.gov.vn", null, null, null));
        assertThat(document.to()).extracting(Organ::organId, Organ::organName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("000.00.01.A53", "Văn phòng tỉnh ủy"));
        assertThat(document.to().get(0).organAdd()).isEqualTo("Tỉnh Tây Ninh");
        assertThat(document.documentId().value()).isEqualTo("000.00.11.H53,2020/10/30,2491/STC-BCTC");
        assertThat(document.code()).isEqualTo(new DocumentCode("2491", "STC-BCTC"));
        assertThat(document.promulgation()).isEqualTo(new Promulgation("Tây Ninh", LocalDate.of(2020, 10, 30)));
        assertThat(document.type()).isEqualTo(new DocumentType("1", "0", "Công văn"));
        assertThat(document.subject()).isEqualTo("Báo cáo tài chính tỉnh");
        assertThat(document.content()).isEqualTo("Báo cáo tài chính tỉnh");
        assertThat(document.signer()).isNull();
        assertThat(document.dueDate()).isNull();
        assertThat(document.otherInfo()).isEqualTo(new OtherInfo(0, "Liên thông văn bản", null, 2, 22, false,
                List.of()));
        assertThat(document.steeringType()).isEqualTo(1);
        assertThat(document.toPlaces()).containsExactly("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP");
        assertThat(document.trace().headers())
                .containsExactly(new TraceHeader("000.00.00.G22", LocalDateTime.of(2018, 9, 28, 0, 0)));
        Business business = document.trace().business();
        assertThat(business.documentId()).isEqualTo("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT");
        assertThat(business.type()).isEqualTo(BusinessDocType.NEW);
        assertThat(business.reason()).isEqualTo("Văn bản điện tử mới");
        assertThat(business.paper()).isZero();
        assertThat(business.staff()).isEqualTo(new StaffInfo("Văn thư văn phòng", "Nguyễn Thị Ngọc Trâm",
                "vanthuvanphong@gov.vn", "84912000001"));
        assertThat(document.attachments()).hasSize(1);
        EdocAttachment attachment = document.attachments().get(0);
        assertThat(attachment.name()).isEqualTo("1896_QD-TTg_m_294779.doc");
        assertThat(attachment.contentType()).isEqualTo("application/zip");
        assertThat(attachment.description()).isEqualTo("1896_QD-TTg_m_294779.doc");
        assertThat(attachment.size()).isEqualTo(270_823);
        assertThat(Sha256.hex(attachment.content()))
                .isEqualTo("7ab7c43a02a3cf2cedd14ebf2545a37e7a1307e0091b4ba94c2ef1e842a763aa");
    }

    @Test
    void readsTheFieldStatusMessage() {
        EdocStatus status = PARSER.parseStatus(new ByteArrayInputStream(sample("status_processing_05.edxml")));

        assertThat(status.from().organId()).isEqualTo("000.00.00.H41");
        assertThat(status.from().organName()).isEqualTo("UBND Tỉnh Nghệ An");
        assertThat(status.from().telephone()).isEqualTo("0383 840418");
        assertThat(status.responseFor()).isEqualTo(new ResponseFor("000.00.00.G22", "7816/VPCP-TTĐT",
                LocalDate.of(2015, 9, 30), "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"));
        assertThat(status.staff()).isEqualTo(new StaffInfo("Phong hanh chinh", "Nguyen thi ngoc tram",
                "ngoctram@nghean.vn", "84912000001"));
        assertThat(status.statusCode()).isEqualTo(StatusCode.PROCESSING);
        assertThat(status.description()).isEqualTo("Đang xử lý văn bản đến");
        assertThat(status.timestamp()).isEqualTo(LocalDateTime.of(2015, 9, 20, 11, 8, 36));
    }

    @Test
    void acceptsBothDateOrdersOfTheField() {
        EdocDocument dayFirst = PARSER.parseDocument(in(documentXml("05/03/2024", "000.00.17.H56,2024/03/05,57/UBND-TP")));
        EdocDocument yearFirst = PARSER.parseDocument(in(documentXml("2024/03/05", "000.00.17.H56,05/03/2024,57/UBND-TP")));
        EdocDocument withTime = PARSER.parseDocument(in(documentXml("2024/03/05 08:00:00", "")));

        assertThat(List.of(dayFirst, yearFirst, withTime)).extracting(d -> d.promulgation().date())
                .containsOnly(LocalDate.of(2024, 3, 5));
        assertThat(dayFirst.documentId().value()).isEqualTo("000.00.17.H56,2024/03/05,57/UBND-TP");
    }

    @Test
    void refusesADayThatDoesNotExist() {
        GatewayException refused = refusal(documentXml("30/02/2024", ""));

        assertThat(refused.code()).isEqualTo(ErrorCode.EDXML_INVALID);
        assertThat(refused.violations()).containsExactly(new Violation(HEADER + "/PromulgationInfo/PromulgationDate",
                "PromulgationDate is not a day written yyyy/MM/dd or dd/MM/yyyy", "DATE_INVALID"));
    }

    @Test
    void refusesADocumentIdThatContradictsTheHeader() {
        GatewayException refused = refusal(documentXml("2024/03/05", "000.00.17.H56,2024/03/06,57/UBND-TP"));

        assertThat(refused.code()).isEqualTo(ErrorCode.EDXML_INVALID);
        assertThat(refused.violations()).extracting(Violation::code, Violation::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DOCUMENT_ID_MISMATCH", HEADER + "/DocumentId"));
    }

    @Test
    void listsEveryMissingPartWithItsPath() {
        GatewayException refused = refusal("""
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
                <From><OrganName>Không mã</OrganName></From><To><OrganId>000.00.00.G22</OrganId></To>
                <Code><CodeNumber>57</CodeNumber></Code><DocumentType><Type>1</Type></DocumentType>
                <OtherInfo><Priority>high</Priority></OtherInfo>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""");

        assertThat(refused.violations()).extracting(Violation::code, Violation::pointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ELEMENT_MISSING", HEADER + "/From/OrganId"),
                org.assertj.core.groups.Tuple.tuple("ELEMENT_MISSING", HEADER + "/Code/CodeNotation"),
                org.assertj.core.groups.Tuple.tuple("ELEMENT_MISSING", HEADER + "/PromulgationInfo"),
                org.assertj.core.groups.Tuple.tuple("NUMBER_INVALID", HEADER + "/OtherInfo/Priority"));
    }

    @Test
    void readsElementsWithoutNamespaceOrWithAnyPrefixAndPassesOverUnknownOnes() {
        EdocDocument document = PARSER.parseDocument(in("""
                <e:edXML xmlns:e="http://www.mic.gov.vn/TBT/QCVN_102_2016"><e:edXMLEnvelope><e:edXMLHeader>
                <MessageHeader><From><OrganId>000.00.17.H56</OrganId><Unknown>x</Unknown></From>
                <To><OrganId>000.00.00.G22</OrganId></To><To><OrganId>000.00.01.A53</OrganId></To>
                <Subject>Báo cáo</Subject><ApplicationType>1</ApplicationType>
                <PromulgationInfo><PromulgationDate>5/3/2024</PromulgationDate></PromulgationInfo>
                <Code><CodeNotation>UBND-TP</CodeNotation><CodeNumber>57</CodeNumber></Code>
                <DocumentType><Type>18</Type><TypeName>Công văn</TypeName></DocumentType></MessageHeader>
                <Signature>placeholder</Signature>
                <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>
                </e:edXMLHeader></e:edXMLEnvelope></e:edXML>"""));

        assertThat(document.to()).extracting(Organ::organId).containsExactly("000.00.00.G22", "000.00.01.A53");
        assertThat(document.type()).isEqualTo(new DocumentType("18", null, "Công văn"));
        assertThat(document.documentId().value()).isEqualTo("000.00.17.H56,2024/03/05,57/UBND-TP");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        GatewayException refused = refusal("""
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;</edXML>""");

        assertThat(refused.code()).isEqualTo(ErrorCode.XML_MALFORMED);
        assertThat(refused.violations()).extracting(Violation::code).containsExactly("DOCTYPE_FORBIDDEN");
        assertThat(refused.getMessage()).doesNotContain("passwd");
    }

    @Test
    void refusesBillionLaughsAtTheDeclaration() {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        GatewayException refused = refusal("<?xml version=\"1.0\"?><!DOCTYPE edXML [" + entities + "]><edXML>&l9;</edXML>");

        assertThat(refused.code()).isEqualTo(ErrorCode.XML_MALFORMED);
        assertThat(refused.violations()).extracting(Violation::code).containsExactly("DOCTYPE_FORBIDDEN");
    }

    @Test
    void refusesAFileLongerThanTheLimit() {
        EdxmlParser small = new EdxmlParser(new EdxmlLimits(100_000, 20, 10 << 20, 32, 20_000, 16, 4096, 1_000_000));

        GatewayException refused = catchThrowableOfType(() -> small.parse(sample("edoc_new.edxml")),
                GatewayException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refused.violations()).extracting(Violation::code).containsExactly("SIZE_LIMIT_EXCEEDED");
    }

    @Test
    void refusesNestingElementCountAttributesAndTextBeyondTheLimits() {
        EdxmlParser small = new EdxmlParser(new EdxmlLimits(1 << 20, 20, 1 << 20, 8, 50, 2, 60, 100));
        String open = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">";

        assertThat(limitCode(small, open + "<a>".repeat(9) + "</a>".repeat(9) + "</edXML>"))
                .isEqualTo("DEPTH_LIMIT_EXCEEDED");
        assertThat(limitCode(small, open + "<a/>".repeat(60) + "</edXML>")).isEqualTo("ELEMENT_LIMIT_EXCEEDED");
        assertThat(limitCode(small, open + "<a x='1' y='2' z='3'/></edXML>")).isEqualTo("ATTRIBUTE_LIMIT_EXCEEDED");
        assertThat(limitCode(small, open + "<a x='" + "v".repeat(61) + "'/></edXML>"))
                .isEqualTo("ATTRIBUTE_LIMIT_EXCEEDED");
        assertThat(limitCode(small, open + "<Subject>" + "s".repeat(101) + "</Subject></edXML>"))
                .isEqualTo("TEXT_LIMIT_EXCEEDED");
    }

    @Test
    void refusesAnAttachmentLargerThanTheLimitWhileDecodingIt() {
        EdxmlParser small = new EdxmlParser(new EdxmlLimits(1 << 20, 20, 1000, 32, 20_000, 16, 4096, 1_000_000));

        GatewayException refused = catchThrowableOfType(() -> small.parse(attachmentsXml(1, 1001)),
                GatewayException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.EDXML_INVALID);
        assertThat(refused.violations()).containsExactly(new Violation(
                "/edXML/AttachmentEncoded/Attachment[1]/ContentTransferEncoded",
                "an attachment larger than 1000 bytes", "ATTACHMENT_TOO_LARGE"));
    }

    @Test
    void refusesMoreAttachmentsThanTheLimitAtTheFirstOneTooMany() {
        EdxmlParser small = new EdxmlParser(new EdxmlLimits(1 << 20, 2, 1000, 32, 20_000, 16, 4096, 1_000_000));

        GatewayException refused = catchThrowableOfType(() -> small.parse(attachmentsXml(3, 10)),
                GatewayException.class);

        assertThat(refused.violations()).extracting(Violation::code, Violation::pointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ATTACHMENTS_TOO_MANY", "/edXML/AttachmentEncoded/Attachment[3]"));
    }

    @Test
    void refusesAttachmentContentThatIsNotBase64() {
        String xml = new String(attachmentsXml(1, 10), java.nio.charset.StandardCharsets.UTF_8)
                .replace("</ContentTransferEncoded>", "*</ContentTransferEncoded>");

        GatewayException refused = refusal(xml);

        assertThat(refused.violations()).extracting(Violation::code).containsExactly("BASE64_INVALID");
    }

    @Test
    void refusesNotWellFormedXmlWithoutQuotingIt() {
        GatewayException refused = refusal("<edXML><edXMLEnvelope>secret-value</edXML>");

        assertThat(refused.code()).isEqualTo(ErrorCode.XML_MALFORMED);
        assertThat(refused.violations()).extracting(Violation::code, Violation::pointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NOT_WELL_FORMED", "/edXML/edXMLEnvelope"));
        assertThat(refused.getMessage()).doesNotContain("secret-value");
    }

    @Test
    void listsAtMostAHundredViolations() {
        String recipients = "<To><OrganName>x</OrganName></To>".repeat(5000);
        GatewayException refused = refusal(documentXml("2024/03/05", "")
                .replace("<edXML:DocumentId>", recipients + "<edXML:DocumentId>"));

        assertThat(refused.violations()).hasSize(EdxmlParser.MAX_VIOLATIONS);
        assertThat(refused.violations().get(0).pointer()).isEqualTo(HEADER + "/To[2]/OrganId");
    }

    @Test
    void refusesAnotherRootElement() {
        GatewayException refused = refusal("<html><body/></html>");

        assertThat(refused.violations()).extracting(Violation::code).containsExactly("ROOT_INVALID");
    }

    @Test
    void refusesAStatusWithAnUnknownCode() {
        String xml = new String(sample("status_processing_05.edxml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<edXML:StatusCode>05</edXML:StatusCode>", "<edXML:StatusCode>07</edXML:StatusCode>");

        GatewayException refused = refusal(xml);

        assertThat(refused.violations()).containsExactly(new Violation(HEADER + "/StatusCode",
                "not one of the status codes 01, 02, 03, 04, 05, 06, 13, 15, 16", "STATUS_CODE_UNKNOWN"));
    }

    @Test
    void refusesAStatusWhereADocumentIsExpected() {
        GatewayException refused = catchThrowableOfType(
                () -> PARSER.parseDocument(new ByteArrayInputStream(sample("status_processing_05.edxml"))),
                GatewayException.class);

        assertThat(refused.violations()).extracting(Violation::code).containsExactly("MESSAGE_KIND_UNEXPECTED");
    }

    private static byte[] attachmentsXml(int count, int size) {
        StringBuilder xml = new StringBuilder(documentXml("2024/03/05", "").replace("</edXML>\n", ""));
        xml.append("<AttachmentEncoded>");
        for (int i = 0; i < count; i++) {
            xml.append("<Attachment><ContentId>cid:").append(i).append("</ContentId><AttachmentName>a").append(i)
                    .append(".pdf</AttachmentName><ContentType>application/pdf</ContentType><ContentTransferEncoded>")
                    .append(Base64.getMimeEncoder().encodeToString(Edocs.randomBytes(size, i)))
                    .append("</ContentTransferEncoded></Attachment>");
        }
        return utf8(xml.append("</AttachmentEncoded></edXML>").toString());
    }

    private static String limitCode(EdxmlParser parser, String xml) {
        GatewayException refused = catchThrowableOfType(() -> parser.parse(utf8(xml)), GatewayException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        return refused.violations().get(0).code();
    }

    private static GatewayException refusal(String xml) {
        GatewayException refused = catchThrowableOfType(() -> PARSER.parse(utf8(xml)), GatewayException.class);
        assertThat(refused).as("the parser refuses the input").isNotNull();
        return refused;
    }

    private static InputStream in(String xml) {
        return new ByteArrayInputStream(utf8(xml));
    }
}
