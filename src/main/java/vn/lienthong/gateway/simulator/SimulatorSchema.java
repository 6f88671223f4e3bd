package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * One platform schema of {@code schemas/<platform>/} (JSON Schema 2020-12, formats asserted) as a simulator checks what
 * it receives against it: every violation at the JSON pointer of the value concerned.
 */
final class SimulatorSchema {

    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties", "dependentRequired");
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();

    private final JsonSchema schema;

    private SimulatorSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** Loads a schema file; start-up fails with the file's name and the setting to fix when it is missing or bad. */
    static SimulatorSchema load(Path file, String simulator) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(simulator + " simulator schema " + file + " is missing: set "
                    + "lienthong.schemas-dir to the folder holding " + file.getParent().getFileName() + "/"
                    + file.getFileName());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new SimulatorSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, InputFormat.JSON, CONFIG));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(simulator + " simulator schema " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The schema {@code <service>.schema.json} in the folder, for each service; fails as {@link #load} does. */
    static Map<String, SimulatorSchema> loadEach(Path folder, List<String> services, String simulator) {
        Map<String, SimulatorSchema> loaded = new LinkedHashMap<>();
        for (String service : services) {
            loaded.put(service, load(folder.resolve(service + ".schema.json"), simulator));
        }
        return Map.copyOf(loaded);
    }

    /** Every violation of the schema by the document, pointers relative to it. */
    List<SimulatorViolation> validate(JsonNode document) {
        List<SimulatorViolation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            violations.add(SimulatorViolation.of(pointer(message), message.getError()));
        }
        return violations;
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if (PROPERTY_KEYWORDS.contains(message.getType()) && message.getProperty() != null) {
            return location + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return location;
    }
}
