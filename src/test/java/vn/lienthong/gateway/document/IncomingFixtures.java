package vn.lienthong.gateway.document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import vn.lienthong.gateway.signature.SignaturePlacement;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.vdxp.Business;
import vn.lienthong.gateway.vdxp.DocumentCode;
import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.DocumentType;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.EdxmlMessage;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.OtherInfo;
import vn.lienthong.gateway.vdxp.Promulgation;
import vn.lienthong.gateway.vdxp.ResponseFor;
import vn.lienthong.gateway.vdxp.SignerInfo;
import vn.lienthong.gateway.vdxp.StaffInfo;
import vn.lienthong.gateway.vdxp.StatusCode;
import vn.lienthong.gateway.vdxp.TraceHeader;
import vn.lienthong.gateway.vdxp.TraceInfo;

/**
 * Documents and status messages that other agencies send this gateway's organs through the axis, built with the
 * gateway's edXML builder and signed in the edXML header as senders sign them (here with the sample gateway key, which
 * chains to the sandbox trust anchors).
 */
final class IncomingFixtures {

    static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    static final String HAI_TRUONG = "000.00.17.H56";
    static final String HAI_DINH = "000.00.18.H56";
    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 100_000) * 10);

    private final EdxmlBuilder builder;
    private final XmlSigner signer;

    IncomingFixtures(EdxmlBuilder builder, XmlSigner signer) {
        this.builder = builder;
        this.signer = signer;
    }

    /** A document of the government office to the given organs, with a fresh number, carrying these attachments. */
    static EdocDocument document(List<String> to, List<EdocAttachment> attachments) {
        Organ from = new Organ(GOVERNMENT_OFFICE, null, "Văn phòng Chính phủ", "16 Lê Hồng Phong, Hà Nội",
                "vanthu@chinhphu.vn", null, null, null);
        DocumentCode code = new DocumentCode(String.valueOf(NUMBER.incrementAndGet()), "VPCP-KSTT");
        LocalDate day = LocalDate.of(2024, 3, 5);
        return new EdocDocument(from, to.stream().map(o -> Organ.of(o, "UBND " + o)).toList(), code,
                new Promulgation("Hà Nội", day), new DocumentType("1", "0", "Công văn"),
                "Về việc đẩy mạnh liên thông văn bản điện tử", "Kính gửi các cơ quan",
                new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"), LocalDate.of(2024, 4, 30),
                OtherInfo.ofPriority(1), List.of(), 1, List.of("Các tỉnh, thành phố"),
                new TraceInfo(List.of(new TraceHeader(GOVERNMENT_OFFICE, LocalDateTime.of(2024, 3, 5, 9, 30))),
                        Business.newDocument(DocumentId.of(GOVERNMENT_OFFICE, day, code),
                                new StaffInfo("Văn thư", "Trần Thị B", null, null))),
                attachments);
    }

    /** A status message of another organ about a document one of this gateway's organs sent. */
    static EdocStatus status(String from, EdocDocument about, StatusCode code, LocalDateTime at) {
        return new EdocStatus(Organ.of(from, "Văn phòng Chính phủ"), ResponseFor.of(about),
                new StaffInfo("Phòng Hành chính", "Lê Văn C", "c@chinhphu.vn", "0912000002"), code, code.vietnamese(),
                at);
    }

    static EdocAttachment attachment(String name, int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return new EdocAttachment(name, "application/pdf", "Tệp " + name, content);
    }

    /** The edXML of the message, signed in its header. */
    byte[] signed(EdxmlMessage message) {
        return signer.sign(builder.toBytes(message), SignaturePlacement.EDXML_HEADER);
    }

    /** The edXML of the message without any signature. */
    byte[] unsigned(EdxmlMessage message) {
        return builder.toBytes(message);
    }

    /** The signed edXML with one word of its subject changed after signing. */
    byte[] tampered(EdocDocument document) {
        String xml = new String(signed(document), StandardCharsets.UTF_8);
        String changed = xml.replace(document.subject(), document.subject().replace("đẩy mạnh", "tạm dừng"));
        if (changed.equals(xml)) {
            throw new IllegalStateException("the subject was not found in the edXML");
        }
        return changed.getBytes(StandardCharsets.UTF_8);
    }
}
