package vn.lienthong.gateway.simulator;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Checks LGSP records against {@code schemas/lgsp/<service>.schema.json}, loaded once at start-up, and against the
 * date rules a schema cannot express: real calendar times, and an appointed date not before the received date.
 */
@Component
@Profile("sandbox")
class LgspDocumentValidator {

    static final String SYNC_DOCUMENT = "SyncDocument";
    static final String UPDATE_TRACES = "UpdateDocumentTraces";

    private static final Map<String, List<String>> DATE_FIELDS = Map.of(
            SYNC_DOCUMENT, List.of("DateReceived", "DateAppointed", "SuccessDate", "ReturnedDate", "FinishedDate",
                    "RequireSupplementaryDate"),
            UPDATE_TRACES, List.of("DateCreated", "PlannedEndDate"));
    private static final Pattern SHAPE =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}[+-][0-9]{4}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, SimulatorSchema> schemas;

    LgspDocumentValidator(@Value("${lienthong.schemas-dir}") Path schemasDir) {
        this.schemas = SimulatorSchema.loadEach(schemasDir.resolve("lgsp"), List.of(SYNC_DOCUMENT, UPDATE_TRACES),
                "LGSP");
    }

    boolean knows(String service) {
        return service != null && schemas.containsKey(service);
    }

    /** Every violation in a record of the given (known) service. */
    List<SimulatorViolation> validate(String service, JsonNode record) {
        List<SimulatorViolation> violations = new ArrayList<>(schemas.get(service).validate(record));
        if (record.isObject()) {
            checkDates(service, record, violations);
        }
        return violations;
    }

    private static void checkDates(String service, JsonNode record, List<SimulatorViolation> violations) {
        Map<String, OffsetDateTime> dates = new LinkedHashMap<>();
        for (String field : DATE_FIELDS.get(service)) {
            JsonNode value = record.path(field);
            if (!value.isTextual() || !SHAPE.matcher(value.textValue()).matches()) {
                continue;
            }
            try {
                dates.put(field, OffsetDateTime.parse(value.textValue(), DATE_TIME));
            } catch (DateTimeParseException e) {
                violations.add(SimulatorViolation.of("/" + field,
                        "is not a real calendar time (yyyy-MM-dd'T'HH:mm:ss.SSS+0700)"));
            }
        }
        OffsetDateTime received = dates.get("DateReceived");
        OffsetDateTime appointed = dates.get("DateAppointed");
        if (received != null && appointed != null && appointed.isBefore(received)) {
            violations.add(SimulatorViolation.of("/DateAppointed", "must not be before DateReceived"));
        }
    }
}
