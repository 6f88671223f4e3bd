package vn.lienthong.gateway.vdxp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/** Documents, status messages and field samples for the edXML tests, and the parser, builder and schema they use. */
final class Edocs {

    static final Path SAMPLES = Path.of("samples/edxml");
    static final EdxmlLimits LIMITS = EdxmlLimits.defaults();
    static final EdocRules RULES = EdocRules.of(new VdxpProperties());
    static final EdxmlParser PARSER = new EdxmlParser(LIMITS);
    static final EdxmlBuilder BUILDER = new EdxmlBuilder(RULES);
    static final EdxmlSchema SCHEMA = EdxmlSchema.load(Path.of("schemas"));

    private Edocs() {
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A document of a commune to the government office, with one PDF attachment of the given size. */
    static EdocDocument document(int attachmentSize) {
        return document(List.of(Organ.of("000.00.00.G22", "Văn phòng Chính phủ")),
                List.of(new EdocAttachment("cv-57.pdf", "application/pdf", "Công văn 57",
                        randomBytes(attachmentSize, attachmentSize))));
    }

    static EdocDocument document(List<Organ> to, List<EdocAttachment> attachments) {
        Organ from = new Organ("000.00.17.H56", "UBND tỉnh Quảng Trị", "UBND xã Hải Trường", "Hải Lăng, Quảng Trị",
                "vanthu@haitruong.gov.vn", "0233 3870 000", null, null);
        DocumentId id = DocumentId.of(from.organId(), LocalDate.of(2024, 3, 5), new DocumentCode("57", "UBND-TP"));
        return new EdocDocument(from, to, new DocumentCode("57", "UBND-TP"),
                new Promulgation("Hải Lăng", LocalDate.of(2024, 3, 5)), new DocumentType("1", "0", "Công văn"),
                "Báo cáo tình hình tiếp nhận hồ sơ quý I", "Kính gửi Văn phòng Chính phủ",
                new SignerInfo("TM. UBND", "Chủ tịch", "Hồ Quang Thuận"), LocalDate.of(2024, 11, 30),
                new OtherInfo(1, "Liên thông văn bản", "VT", 2, 3, false, List.of("Phụ lục I")), List.of(), 1,
                List.of("Các bộ và cơ quan ngang bộ"),
                new TraceInfo(List.of(new TraceHeader("000.00.17.H56", LocalDateTime.of(2024, 3, 5, 9, 30, 15))),
                        Business.newDocument(id, new StaffInfo("Văn thư", "Nguyễn Thị Lan", null, null))),
                attachments);
    }

    static EdocStatus status(StatusCode code, LocalDateTime at) {
        return new EdocStatus(Organ.of("000.00.00.G22", "Văn phòng Chính phủ"), ResponseFor.of(document(10)),
                new StaffInfo("Phòng Hành chính", "Trần Văn Bình", "binh@chinhphu.vn", "0912000001"), code,
                code.vietnamese(), at);
    }

    /** A minimal edXML document with the given promulgation date written as senders write it. */
    static String documentXml(String promulgationDate, String declaredDocumentId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>000.00.17.H56</edXML:OrganId></edXML:From>
                        <edXML:To><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:To>
                        <edXML:DocumentId>%s</edXML:DocumentId>
                        <edXML:Code><edXML:CodeNumber>57</edXML:CodeNumber><edXML:CodeNotation>UBND-TP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationInfo><edXML:PromulgationDate>%s</edXML:PromulgationDate></edXML:PromulgationInfo>
                        <edXML:DocumentType><edXML:Type>1</edXML:Type></edXML:DocumentType>
                        <edXML:Subject>Báo cáo</edXML:Subject>
                      </edXML:MessageHeader>
                    </edXML:edXMLHeader>
                  </edXML:edXMLEnvelope>
                </edXML>
                """.formatted(declaredDocumentId, promulgationDate);
    }
}
