package vn.lienthong.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sample requests of {@code samples/}, and fresh dossier codes so tests sharing a context do not collide. */
public final class Samples {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private Samples() {
    }

    /** The sample dossier of the README, as a tree a test may change. */
    public static ObjectNode dossier() {
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier.json")));
        } catch (IOException e) {
            throw new IllegalStateException("samples/dossier.json is missing", e);
        }
    }

    /**
     * The sample dossier of a procedure the sandbox's routing rules also send to LGSP ({@code samples/dossier-lgsp.json}),
     * with a dossier code no other test uses.
     */
    public static ObjectNode freshLgspDossier() {
        try {
            ObjectNode dossier = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier-lgsp.json")));
            dossier.put("dossierCode", nextDossierCode());
            return dossier;
        } catch (IOException e) {
            throw new IllegalStateException("samples/dossier-lgsp.json is missing", e);
        }
    }

    /** The sample dossier with a dossier code no other test uses. */
    public static ObjectNode freshDossier() {
        ObjectNode dossier = dossier();
        dossier.put("dossierCode", nextDossierCode());
        return dossier;
    }

    public static String nextDossierCode() {
        return String.format("000.00.17.H56-240101-%04d", SEQUENCE.incrementAndGet());
    }
}
