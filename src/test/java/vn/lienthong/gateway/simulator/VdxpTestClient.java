package vn.lienthong.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers of a VDXP adapter call as docs/vdxp-adapter.md specifies them, made independently of the simulator:
 * the timestamp with the field SDK's own SimpleDateFormat pattern, the HMAC over the ten-line canonical string.
 */
public final class VdxpTestClient {

    static final String GATEWAY = "sandbox-gateway";
    static final String GATEWAY_SECRET = "sandbox-vdxp-secret";
    static final String OTHER = "sandbox-other-province";
    static final String OTHER_SECRET = "sandbox-other-province-secret";

    private static final List<String> SIGNED = List.of("systemid", "timestamp", "from", "to", "servicetype",
            "messagetype", "docid", "status", "hash-file");

    private final String systemId;
    private final String secret;

    VdxpTestClient(String systemId, String secret) {
        this.systemId = systemId;
        this.secret = secret;
    }

    public static VdxpTestClient gateway() {
        return new VdxpTestClient(GATEWAY, GATEWAY_SECRET);
    }

    public static VdxpTestClient otherProvince() {
        return new VdxpTestClient(OTHER, OTHER_SECRET);
    }

    /** The headers of a sendEdoc of this edXML, at that time. */
    public Map<String, String> sendEdoc(Instant at, String messageType, String from, String toJson, byte[] edxml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("from", from);
        headers.put("to", toJson);
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", messageType);
        headers.put("hash-file", sha256(edxml));
        return sign("sendEdoc", at, headers);
    }

    /** The headers of any operation with these parameter headers, timestamped and signed. */
    public Map<String, String> sign(String operation, Instant at, Map<String, String> parameters) {
        Map<String, String> headers = new LinkedHashMap<>(parameters);
        headers.put("systemid", systemId);
        headers.put("timestamp", timestamp(at));
        StringBuilder canonical = new StringBuilder(operation);
        for (String name : SIGNED) {
            canonical.append('\n').append(headers.getOrDefault(name, ""));
        }
        headers.put("hash-header", hmac(canonical.toString()));
        return headers;
    }

    public static String timestamp(Instant at) {
        SimpleDateFormat format = new SimpleDateFormat("ddMMyyyy'T'HHmmss+SSSS");
        format.setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        return format.format(Date.from(at));
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
