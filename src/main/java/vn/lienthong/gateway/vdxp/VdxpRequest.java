package vn.lienthong.gateway.vdxp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed parameters of one adapter call, in the order of the HMAC canonical string; a null value is a header not
 * sent (an empty line in the canonical string).
 */
record VdxpRequest(VdxpOperation operation, String from, String to, String serviceType, String messageType,
                   String docId, String status, String hashFile) {

    static final String SERVICE_TYPE = "eDoc";

    static VdxpRequest of(VdxpOperation operation) {
        return new VdxpRequest(operation, null, null, null, null, null, null, null);
    }

    VdxpRequest withFrom(String value) {
        return new VdxpRequest(operation, value, to, serviceType, messageType, docId, status, hashFile);
    }

    VdxpRequest withTo(List<String> organIds) {
        return new VdxpRequest(operation, from, toHeader(organIds), serviceType, messageType, docId, status, hashFile);
    }

    VdxpRequest withMessageType(VdxpMessageType type, boolean withServiceType) {
        return new VdxpRequest(operation, from, to, withServiceType ? SERVICE_TYPE : serviceType,
                type == null ? null : type.header(), docId, status, hashFile);
    }

    VdxpRequest withDocId(String value) {
        return new VdxpRequest(operation, from, to, serviceType, messageType, value, status, hashFile);
    }

    VdxpRequest withStatus(VdxpReceiptStatus value) {
        return new VdxpRequest(operation, from, to, serviceType, messageType, docId, value.header(), hashFile);
    }

    VdxpRequest withHashFile(String value) {
        return new VdxpRequest(operation, from, to, serviceType, messageType, docId, status, value);
    }

    /** The headers to send besides {@code systemid}, {@code timestamp} and {@code hash-header}. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "from", from);
        put(headers, "to", to);
        put(headers, "servicetype", serviceType);
        put(headers, "messagetype", messageType);
        put(headers, "docid", docId);
        put(headers, "status", status);
        put(headers, "hash-file", hashFile);
        return headers;
    }

    /** The ten lines the HMAC covers, joined by LF, for this call by {@code systemId} at {@code timestamp}. */
    String canonical(String systemId, String timestamp) {
        return String.join("\n", operation.path(), systemId, timestamp, text(from), text(to), text(serviceType),
                text(messageType), text(docId), text(status), text(hashFile));
    }

    /** The compact JSON array of organ codes the {@code to} header carries; organ codes need no escaping. */
    static String toHeader(List<String> organIds) {
        StringBuilder json = new StringBuilder("[");
        for (String organId : organIds) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(organId).append('"');
        }
        return json.append(']').toString();
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
