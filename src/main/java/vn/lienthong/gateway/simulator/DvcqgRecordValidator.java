package vn.lienthong.gateway.simulator;

import java.nio.file.Path;
import java.time.LocalDateTime;
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

    private final Map<String, SimulatorSchema> schemas;

    DvcqgRecordValidator(@Value("${lienthong.schemas-dir}") Path schemasDir) {
        this.schemas = SimulatorSchema.loadEach(schemasDir.resolve("dvcqg"), List.of(DONG_BO_HO_SO, CAP_NHAT_TIEN_DO),
                "DVCQG");
    }

    boolean knows(String service) {
        return service != null && schemas.containsKey(service);
    }

    /** Every violation in one record of the given (known) service, pointers relative to the record. */
    List<SimulatorViolation> validate(String service, JsonNode record) {
        List<SimulatorViolation> violations = new ArrayList<>(schemas.get(service).validate(record));
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
}
