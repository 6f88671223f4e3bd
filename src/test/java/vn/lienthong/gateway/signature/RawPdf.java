package vn.lienthong.gateway.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes PDFs object by object, as tests need them when no library would write them: a reference to an object that
 * is not defined, an incremental update written by hand, a stream that decompresses to far more than it weighs. Cross
 * references are classic tables; an update appends its objects, a table of them and a trailer with {@code /Prev}.
 */
final class RawPdf {

    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<Integer, Integer> offsets = new TreeMap<>();
    private final Long previous;

    private RawPdf(byte[] base, Long previous) {
        out.writeBytes(base);
        this.previous = previous;
    }

    /** A new file, with its header. */
    static RawPdf create() {
        return new RawPdf("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1), null);
    }

    /** An incremental update of the file given: what is written is appended to it. */
    static RawPdf updating(byte[] pdf) {
        Matcher startxref = STARTXREF.matcher(new String(pdf, pdf.length - 64, 64, StandardCharsets.ISO_8859_1));
        if (!startxref.find()) {
            throw new IllegalArgumentException("no startxref at the end of the file");
        }
        return new RawPdf(pdf, Long.parseLong(startxref.group(1)));
    }

    /** Object {@code number 0 obj <body> endobj}. */
    RawPdf object(int number, String body) {
        offsets.put(number, out.size());
        text(number + " 0 obj\n" + body + "\nendobj\n");
        return this;
    }

    /** Starts object {@code number} with the text given, and leaves it open: what follows is inside it. */
    RawPdf openObject(int number, String text) {
        offsets.put(number, out.size());
        text(number + " 0 obj\n" + text);
        return this;
    }

    /** Writes text as it is. */
    RawPdf raw(String text) {
        text(text);
        return this;
    }

    /** A stream object: {@code entries} go into its dictionary beside {@code /Length}. */
    RawPdf stream(int number, String entries, byte[] data) {
        offsets.put(number, out.size());
        text(number + " 0 obj\n<< " + entries + " /Length " + data.length + " >>\nstream\n");
        out.writeBytes(data);
        text("\nendstream\nendobj\n");
        return this;
    }

    /** Where the next byte goes. */
    int position() {
        return out.size();
    }

    /** Writes bytes as they are (a cross-reference stream, say) and ends the file with {@code startxref}. */
    byte[] endWithStartxref(int startxref) {
        text("startxref\n" + startxref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** Writes the cross-reference table of the objects written, the trailer and {@code startxref}. */
    byte[] finish(String trailerEntries) {
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n");
        if (previous == null) {
            table.append("0 1\n0000000000 65535 f \n");
        }
        int size = 0;
        for (Map.Entry<Integer, Integer> entry : offsets.entrySet()) {
            table.append(entry.getKey()).append(" 1\n").append(String.format("%010d 00000 n \n", entry.getValue()));
            size = Math.max(size, entry.getKey() + 1);
        }
        table.append("trailer\n<< /Size ").append(size).append(' ').append(trailerEntries)
                .append(previous == null ? "" : " /Prev " + previous).append(" >>\n");
        text(table.toString());
        return endWithStartxref(xref);
    }

    private void text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
