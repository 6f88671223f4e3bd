package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides whether a line of bytes is exactly the canonical form of a log entry, as {@link LogEntry#parse} does, and
 * reads the few fields a verifier needs. Lines of plain ASCII without escapes (nearly all) are checked byte by byte
 * against the canonical layout, with no parsing into objects; any other line is parsed and written again by
 * {@link LogEntry}, and must give back exactly its bytes.
 */
final class CanonicalEntryLine {

    private static final String[] KEYS = {"nodeId", "index", "seq", "time", "event", "direction", "channel",
            "messageId", "dossierCode", "documentId", "clientId", "remoteAddress", "destination", "reasonCode",
            "detail", "payloadSha256"};
    private static final byte[][] PREFIXES = new byte[KEYS.length][];
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final int INDEX = 1;
    private static final int SEQ = 2;
    private static final int TIME = 3;
    private static final int PAYLOAD = 15;
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    static {
        for (int i = 0; i < KEYS.length; i++) {
            PREFIXES[i] = ((i == 0 ? "{" : ",") + "\"" + KEYS[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** What a checked line holds: its index, whether its node is the expected one, and its payload hash. */
    static final class Fields {
        long index;
        boolean nodeMatches;
        String payloadSha256;
    }

    private CanonicalEntryLine() {
    }

    /**
     * Checks {@code line[off, off + len)}; answers null when it is a canonical entry (and fills {@code out}), or why
     * it is not.
     */
    static String check(byte[] line, int off, int len, byte[] expectedNode, Fields out) {
        if (fast(line, off, len, expectedNode, out)) {
            return null;
        }
        String text = new String(line, off, len, StandardCharsets.UTF_8);
        LogEntry entry;
        try {
            entry = LogEntry.parse(text);
        } catch (LogEntry.NotCanonical e) {
            return e.getMessage();
        }
        byte[] canonical = entry.canonicalBytes();
        if (!Arrays.equals(canonical, 0, canonical.length, line, off, off + len)) {
            return "its text is not in the canonical form of a log entry";
        }
        out.index = entry.index();
        out.nodeMatches = entry.nodeId() != null
                && Arrays.equals(entry.nodeId().getBytes(StandardCharsets.UTF_8), expectedNode);
        out.payloadSha256 = entry.payloadSha256();
        return null;
    }

    /** True only for a line that is canonical for sure; false when undecided (the slow path then decides). */
    private static boolean fast(byte[] b, int off, int len, byte[] expectedNode, Fields out) {
        int end = off + len;
        int p = off;
        long index = -1;
        boolean nodeMatches = false;
        String payload = null;
        for (int k = 0; k < KEYS.length; k++) {
            byte[] prefix = PREFIXES[k];
            if (end - p < prefix.length || !Arrays.equals(b, p, p + prefix.length, prefix, 0, prefix.length)) {
                return false;
            }
            p += prefix.length;
            if (k == INDEX || k == SEQ) {
                int start = p;
                while (p < end && b[p] >= '0' && b[p] <= '9') {
                    p++;
                }
                int digits = p - start;
                if (digits == 0 || digits > 18 || (b[start] == '0' && digits > 1)) {
                    return false;
                }
                if (k == INDEX) {
                    index = number(b, start, p);
                }
            } else if (k == TIME) {
                if (end - p < 26 || !time(b, p)) {
                    return false;
                }
                p += 26;
            } else if (end - p >= 4 && Arrays.equals(b, p, p + 4, NULL, 0, 4)) {
                p += 4;
            } else {
                int start = p + 1;
                int close = plainString(b, p, end);
                if (close < 0) {
                    return false;
                }
                p = close + 1;
                if (k == 0) {
                    nodeMatches = Arrays.equals(b, start, close, expectedNode, 0, expectedNode.length);
                } else if (k == PAYLOAD) {
                    payload = new String(b, start, close - start, StandardCharsets.US_ASCII);
                }
            }
        }
        if (p != end - 1 || b[p] != '}') {
            return false;
        }
        out.index = index;
        out.nodeMatches = nodeMatches;
        out.payloadSha256 = payload;
        return true;
    }

    /** The position of the closing quote of a string of printable ASCII without escapes at {@code p}, or -1. */
    private static int plainString(byte[] b, int p, int end) {
        if (p >= end || b[p] != '"') {
            return -1;
        }
        for (int i = p + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\' || c == 0x7f) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code "yyyy-MM-ddTHH:mm:ss.SSSZ"} (with its quotes) naming a real instant, years 1000 to 9999. */
    private static boolean time(byte[] b, int p) {
        if (b[p] != '"' || b[p + 5] != '-' || b[p + 8] != '-' || b[p + 11] != 'T' || b[p + 14] != ':'
                || b[p + 17] != ':' || b[p + 20] != '.' || b[p + 24] != 'Z' || b[p + 25] != '"') {
            return false;
        }
        int[] digitsAt = {1, 2, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16, 18, 19, 21, 22, 23};
        for (int d : digitsAt) {
            if (b[p + d] < '0' || b[p + d] > '9') {
                return false;
            }
        }
        int year = (int) number(b, p + 1, p + 5);
        int month = (int) number(b, p + 6, p + 8);
        int day = (int) number(b, p + 9, p + 11);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]
                || (month == 2 && day == 29 && !leap(year))) {
            return false;
        }
        return number(b, p + 12, p + 14) < 24 && number(b, p + 15, p + 17) < 60 && number(b, p + 18, p + 20) < 60;
    }

    private static boolean leap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static long number(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }
}
