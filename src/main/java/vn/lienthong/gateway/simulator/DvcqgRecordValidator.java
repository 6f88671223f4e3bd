package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * Checks DVCQG records against {@code schemas/dvcqg/<service>.schema.json}, loaded once at start-up, and against the
 * date rules a schema cannot express: real calendar date-times, and a due date not before the received date.
 */
@Component
@Profile("sandbox")
class DvcqgRecordValidator {

    static final String DONG_BO_HO_SO = "DongBoHoSoMC";
    static final String CAP_NHAT_TIEN_DO = "CapNhatTienDoHoSoMC";

    private static final Map<String, List<String>> DATE_FIELDS = Map.of(
            DONG_BO_HO_SO, List.of("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy"),
            CAP_NHAT_TIEN_DO, List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh"));
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties", "dependentRequired");

    private final Map<String, JsonSchema> schemas;

    DvcqgRecordValidator(@Value("${lienthong.schemas-dir}") Path schemasDir) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> loaded = new LinkedHashMap<>();
        for (String service : List.of(DONG_BO_HO_SO, CAP_NHAT_TIEN_DO)) {
            loaded.put(service, load(factory, config, schemasDir.resolve("dvcqg").resolve(service + ".schema.json")));
        }
        this.schemas = Map.copyOf(loaded);
    }

    boolean knows(String service) {
        return service != null && schemas.containsKey(service);
    }

    /** Every violation in one record of the given (known) service, pointers relative to the record. */
    List<SimulatorViolation> validate(String service, JsonNode record) {
        List<SimulatorViolation> violations = new ArrayList<>();
        for (ValidationMessage message : schemas.get(service).validate(record)) {
            violations.add(SimulatorViolation.of(pointer(message), message.getError()));
        }
        if (record.isObject()) {
            checkDates(service, record, violations);
        }
        return violations;
    }

    private static void checkDates(String service, JsonNode record, List<SimulatorViolation> violations) {
        Map<String, LocalDateTime> dates = new LinkedHashMap<>();
        for (String field : DATE_FIELDS.get(service)) {
            JsonNode value = record.path(field);
            if (!value.isTextual() || !FOURTEEN_DIGITS.matcher(value.textValue()).matches()) {
                continue;
            }
            try {
                dates.put(field, LocalDateTime.parse(value.textValue(), DATE_TIME));
            } catch (DateTimeParseException e) {
                violations.add(SimulatorViolation.of("/" + field, "is not a real calendar date-time (yyyyMMddHHmmss)"));
            }
        }
        LocalDateTime received = dates.get("NgayTiepNhan");
        LocalDateTime due = dates.get("NgayHenTra");
        if (received != null && due != null && due.isBefore(received)) {
            violations.add(SimulatorViolation.of("/NgayHenTra", "must not be before NgayTiepNhan"));
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
            throw new IllegalStateException("DVCQG simulator schema " + file + " is missing: set lienthong.schemas-dir"
                    + " to the folder holding dvcqg/" + file.getFileName());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return factory.getSchema(in, InputFormat.JSON, config);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("DVCQG simulator schema " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
