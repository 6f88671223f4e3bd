package vn.lienthong.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.GatewayException.Violation;

/** Loads the gateway's JSON Schemas (2020-12) from the schemas folder, with JSON-pointer locations and strict formats. */
@Component
public class JsonSchemas {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();

    private final Path schemasDir;
    private final ObjectMapper json;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    JsonSchemas(GatewayProperties properties, ObjectMapper json) {
        this.schemasDir = properties.getSchemasDir();
        this.json = json;
    }

    /** Every violation of the schema by a document, each at the JSON pointer of the value concerned, sorted. */
    public static List<Violation> violations(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream()
                .map(m -> new Violation(pointerOf(m), m.getError()))
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .distinct()
                .toList();
    }

    /** Points at the missing or unexpected property itself rather than at the object that lacks or has it. */
    private static String pointerOf(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            return at + "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return at;
    }

    /** The schema at a path relative to the schemas folder; start-up fails with the file's name if it cannot be read. */
    public JsonSchema load(String relativePath) {
        Path file = schemasDir.resolve(relativePath);
        try (InputStream in = Files.newInputStream(file)) {
            return factory.getSchema(json.readTree(in), CONFIG);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read JSON Schema " + file + ": " + e.getMessage(), e);
        }
    }
}
