package vn.lienthong.gateway.messagelog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lienthong.gateway.messagelog.OfflineVerifier.Invalid;

/** The lines of {@code payloads-absent.jsonl}, taken in index order as the entries naming them come. */
final class AbsentPayloads implements AutoCloseable {

    private static final Pattern ABSENT = Pattern.compile(
            "\\{\"index\":(0|[1-9][0-9]{0,18}),\"payloadSha256\":\"([0-9a-f]{64})\",\"reason\":\"(NOT_KEPT|NOT_IN_STORE)\"}");

    private final BufferedReader lines;
    private long lineNumber;
    private long taken;
    private Matcher next;

    AbsentPayloads(InputStream in) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    /** Whether the next line lists this entry's payload as absent (it is then taken). */
    boolean take(long index, String sha256) throws Invalid, IOException {
        Matcher line = peek();
        if (line == null || Long.parseLong(line.group(1)) != index || !line.group(2).equals(sha256)) {
            return false;
        }
        next = null;
        taken++;
        return true;
    }

    void finish(long expected) throws Invalid, IOException {
        Matcher line = peek();
        if (line != null) {
            throw new Invalid("file " + ExportLayout.PAYLOADS_ABSENT + ": line " + lineNumber + " lists entry "
                    + line.group(1) + ", which does not refer to that payload, or not in index order");
        }
        if (taken != expected) {
            throw new Invalid("manifest: it counts " + expected + " absent payloads, " + ExportLayout.PAYLOADS_ABSENT
                    + " lists " + taken);
        }
    }

    private Matcher peek() throws Invalid, IOException {
        if (next == null) {
            String line = lines.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (line.length() > 200 || !(next = ABSENT.matcher(line)).matches()) {
                throw new Invalid("file " + ExportLayout.PAYLOADS_ABSENT + ": line " + lineNumber
                        + " is not an absent payload");
            }
        }
        return next;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
