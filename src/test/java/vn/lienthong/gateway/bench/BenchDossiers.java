package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dossiers a benchmark sends: {@code samples/dossier.json} with a code of its own for each number, grown to a
 * payload size by more submitted documents (as a real dossier with many attachments is), the same bytes for the
 * gateway and for the raw broker baseline.
 */
final class BenchDossiers {

    static final int MAX_DOCUMENTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final ObjectNode template;

    private BenchDossiers(ObjectNode template) {
        this.template = template;
    }

    /** The sample dossier, grown by documents until its JSON has at least {@code payloadBytes} (0: as it is). */
    static BenchDossiers of(Path sample, int payloadBytes) throws IOException {
        ObjectNode dossier = (ObjectNode) JSON.readTree(Files.readAllBytes(sample));
        ArrayNode documents = (ArrayNode) dossier.get("documents");
        while (size(dossier) < payloadBytes) {
            if (documents.size() >= MAX_DOCUMENTS) {
                throw new IllegalArgumentException("a dossier holds at most " + MAX_DOCUMENTS
                        + " documents; payload size " + payloadBytes + " is too large");
            }
            int n = documents.size() + 1;
            ObjectNode document = documents.addObject();
            document.put("componentCode", String.format("TP%03d", n));
            document.put("name", "Giấy tờ kèm theo số " + n);
            document.put("url", "https://motcua.example.vn/files/ho-so/giay-to-" + n + ".pdf");
            document.put("sha256", "%064x".formatted(n));
        }
        return new BenchDossiers(dossier);
    }

    /** The JSON of dossier number n. */
    String json(int n) {
        ObjectNode dossier = template.deepCopy();
        dossier.put("dossierCode", code(n));
        return dossier.toString();
    }

    /** The size in bytes (UTF-8) of a dossier's JSON. */
    int bytes() {
        return json(0).getBytes(StandardCharsets.UTF_8).length;
    }

    /** A dossier code of its own for each n: 10,000 a day from 1 January 2024. */
    static String code(int n) {
        return "000.00.17.H56-" + LocalDate.of(2024, 1, 1).plusDays(n / 10_000).format(CODE_DAY) + "-"
                + String.format("%04d", n % 10_000);
    }

    private static int size(ObjectNode dossier) {
        return dossier.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
