package vn.lienthong.gateway.simulator;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** The parameter headers of one VDXP adapter call, each present at most once and printable ASCII, or refused. */
final class VdxpHeaders {

    static final String SYSTEM_ID = "systemid";
    static final String TIMESTAMP = "timestamp";
    static final String HASH_HEADER = "hash-header";
    static final String FROM = "from";
    static final String TO = "to";
    static final String SERVICE_TYPE = "servicetype";
    static final String MESSAGE_TYPE = "messagetype";
    static final String DOC_ID = "docid";
    static final String STATUS = "status";
    static final String HASH_FILE = "hash-file";

    /** The headers the HMAC covers, in the order of the canonical string after the operation name. */
    static final List<String> SIGNED = List.of(SYSTEM_ID, TIMESTAMP, FROM, TO, SERVICE_TYPE, MESSAGE_TYPE, DOC_ID,
            STATUS, HASH_FILE);

    static final int MAX_VALUE_LENGTH = 4096;

    private final HttpServletRequest request;

    private VdxpHeaders(HttpServletRequest request) {
        this.request = request;
    }

    /** Reads the contract's headers of the request, refusing a repeated one or a value that is not printable ASCII. */
    static VdxpHeaders of(HttpServletRequest request) {
        for (String name : SIGNED) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (values.size() > 1) {
                throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header " + name + " is repeated");
            }
            if (values.size() == 1 && !printableAscii(values.get(0))) {
                throw new VdxpRefusal(VdxpError.HEADER_INVALID,
                        "header " + name + " must be printable ASCII of at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
        List<String> hmac = Collections.list(request.getHeaders(HASH_HEADER));
        if (hmac.size() > 1) {
            throw new VdxpRefusal(VdxpError.HMAC_INVALID, "header " + HASH_HEADER + " is repeated");
        }
        return new VdxpHeaders(request);
    }

    /** The header's value as sent, or null when absent. */
    String get(String name) {
        return request.getHeader(name.toLowerCase(Locale.ROOT));
    }

    /** The header's value, refused as missing when absent or empty. */
    String required(String name) {
        String value = get(name);
        if (value == null || value.isEmpty()) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header " + name + " is missing");
        }
        return value;
    }

    private static boolean printableAscii(String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
