package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Checks what the gateway delivers to a local document system against {@code schemas/local/*.schema.json}, and what
 * a schema cannot say: each attachment's base64 decodes and matches its SHA-256, and the organ addressed is a recipient.
 */
@Component
@Profile("sandbox")
class LocalMessageValidator {

    /** The two things a local document system receives, with the schema file of each. */
    enum Kind {
        DOCUMENT("incoming-document.schema.json"), STATUS("incoming-status.schema.json");

        private final String schemaFile;

        Kind(String schemaFile) {
            this.schemaFile = schemaFile;
        }
    }

    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties");

    private final JsonSchema documentSchema;
    private final JsonSchema statusSchema;

    LocalMessageValidator(@Value("${lienthong.schemas-dir}") Path schemasDir) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.documentSchema = load(factory, config, schemasDir.resolve("local").resolve(Kind.DOCUMENT.schemaFile));
        this.statusSchema = load(factory, config, schemasDir.resolve("local").resolve(Kind.STATUS.schemaFile));
    }

    /** The violations found, and each attachment's size and SHA-256 as the simulator computed them from its content. */
    record Result(List<SimulatorViolation> violations, List<Digest> attachments) {
    }

    /** An attachment's decoded size and SHA-256 (hex). */
    record Digest(long size, String sha256) {
    }

    /** Every violation, with JSON pointers; attachments are decoded only once the schema holds. */
    Result validate(Kind kind, String organId, JsonNode body) {
        List<SimulatorViolation> violations = new ArrayList<>();
        JsonSchema schema = kind == Kind.DOCUMENT ? documentSchema : statusSchema;
        for (ValidationMessage message : schema.validate(body)) {
            violations.add(SimulatorViolation.of(pointer(message), message.getError()));
        }
        List<Digest> digests = new ArrayList<>();
        if (kind == Kind.DOCUMENT && violations.isEmpty()) {
            checkRecipient(organId, body, violations);
            checkAttachments(body.path("attachments"), violations, digests);
        }
        return new Result(violations, digests);
    }

    private static void checkRecipient(String organId, JsonNode body, List<SimulatorViolation> violations) {
        for (JsonNode organ : body.path("to")) {
            if (organId.equals(organ.path("organId").textValue())) {
                return;
            }
        }
        violations.add(SimulatorViolation.of("/to", "does not list the organ this delivery is addressed to"));
    }

    private static void checkAttachments(JsonNode attachments, List<SimulatorViolation> violations,
                                         List<Digest> digests) {
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            byte[] content;
            try {
                content = Base64.getDecoder().decode(attachment.path("content").textValue());
            } catch (IllegalArgumentException e) {
                violations.add(SimulatorViolation.of("/attachments/" + i + "/content",
                        "is not base64 (standard alphabet, padded, no line breaks)"));
                continue;
            }
            String sha256 = sha256Hex(content);
            if (!sha256.equals(attachment.path("sha256").textValue())) {
                violations.add(SimulatorViolation.of("/attachments/" + i + "/sha256",
                        "is not the SHA-256 of the decoded content"));
            }
            digests.add(new Digest(content.length, sha256));
        }
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if (PROPERTY_KEYWORDS.contains(message.getType()) && message.getProperty() != null) {
            return location + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return location;
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("local-systems simulator schema " + file + " is missing: set"
                    + " lienthong.schemas-dir to the folder holding local/" + file.getFileName());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return factory.getSchema(in, InputFormat.JSON, config);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("local-systems simulator schema " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
