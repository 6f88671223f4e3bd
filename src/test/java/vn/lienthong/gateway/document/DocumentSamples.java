package vn.lienthong.gateway.document;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SamplePki;
import vn.lienthong.gateway.signature.SigningIdentity;

/** Official documents as an agency's document system posts them, with attachments signed by sample agency keys. */
public final class DocumentSamples {

    public static final String FROM = "000.00.17.H56";
    public static final String TO = "000.00.00.G22";
    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final SecureRandom RANDOM = new SecureRandom();

    private DocumentSamples() {
    }

    /** A fresh document number, so that each test's document has its own document id. */
    public static String nextNumber() {
        return String.valueOf(NUMBER.incrementAndGet());
    }

    /** The document id the gateway derives for a sample document of this number. */
    public static String documentId(String number) {
        return FROM + ",2024/03/05," + number + "/UBND-TP";
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A document of this number to {@link #TO} with one attachment and its detached CMS signature (may be null). */
    public static ObjectNode document(String number, byte[] attachment, byte[] signature) {
        ObjectNode document = Samples.JSON.createObjectNode();
        document.putObject("from").put("organId", FROM).put("organName", "UBND xã Hải Trường");
        document.putArray("to").addObject().put("organId", TO).put("organName", "Văn phòng Chính phủ");
        document.putObject("code").put("number", number).put("notation", "UBND-TP");
        document.putObject("promulgation").put("place", "Hải Lăng").put("date", "2024-03-05");
        document.putObject("type").put("type", 1).put("typeDetail", 0).put("name", "Công văn");
        document.put("subject", "Báo cáo tình hình tiếp nhận hồ sơ quý I");
        document.put("content", "Kính gửi Văn phòng Chính phủ…");
        document.putObject("signer").put("competence", "TM. UBND").put("position", "Chủ tịch")
                .put("fullName", "Hồ Quang Thuận");
        document.put("dueDate", "2024-11-30");
        document.put("priority", 0);
        document.put("steeringType", 1);
        document.putArray("toPlaces").add("Văn phòng Chính phủ");
        ArrayNode attachments = document.putArray("attachments");
        ObjectNode item = attachments.addObject().put("name", "bao-cao.pdf").put("contentType", "application/pdf")
                .put("content", Base64.getEncoder().encodeToString(attachment));
        if (signature != null) {
            item.put("signature", Base64.getEncoder().encodeToString(signature)).put("signatureFormat",
                    "CMS_DETACHED");
        }
        return document;
    }

    /** A detached CMS signature over the content by a sample agency key of certs-sample (e.g. {@code SamplePki.GOOD_EC}). */
    public static byte[] signed(String sampleKey, byte[] content) {
        SigningIdentity identity = new SigningIdentity(SamplePki.key(sampleKey),
                List.of(SamplePki.certificate(sampleKey), SamplePki.certificate(SamplePki.INTERMEDIATE)));
        return new CmsSigner(identity).signDetached(content);
    }
}
