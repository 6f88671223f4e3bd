package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the national public service portal (DVCQG) in the sandbox: login, the dossier services (checking a request's
 * payload signature when it carries one, or always when configured to), what it received, and faults.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sim/dvcqg")
class DvcqgSimulatorController {

    static final int MAX_RECORDS = 100;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String INVALID = "Dữ liệu không hợp lệ";
    private static final String SIGNATURE_INVALID = "Chữ ký số không hợp lệ";

    private final DvcqgSessions sessions;
    private final DvcqgRecordValidator validator;
    private final DvcqgPayloadSignatureCheck signatures;
    private final boolean signatureRequired;
    private final ObjectReader reader;
    private final Clock clock;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final SimulatorInbox<DvcqgReceived> inbox = new SimulatorInbox<>();

    DvcqgSimulatorController(DvcqgSessions sessions, DvcqgRecordValidator validator,
                             DvcqgPayloadSignatureCheck signatures, DvcqgSimulatorProperties properties,
                             ObjectMapper mapper, ObjectProvider<Clock> clock) {
        this.sessions = sessions;
        this.validator = validator;
        this.signatures = signatures;
        this.signatureRequired = properties.requirePayloadSignature();
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @PostMapping("/login")
    ResponseEntity<JsonNode> login(@RequestBody(required = false) byte[] body) {
        Optional<JsonNode> request = readObject(body);
        if (request.isEmpty()) {
            return malformed();
        }
        return sessions.login(text(request.get(), "username"), text(request.get(), "password"))
                .map(token -> {
                    ObjectNode answer = JsonNodeFactory.instance.objectNode();
                    answer.put("session", token);
                    answer.put("error_code", "0");
                    return ResponseEntity.ok((JsonNode) answer);
                })
                .orElseGet(() -> answer(HttpStatus.UNAUTHORIZED, "-1", "Tên đăng nhập hoặc mật khẩu không đúng"));
    }

    @PostMapping("/service")
    ResponseEntity<JsonNode> service(@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                     @RequestHeader(value = DvcqgPayloadSignatureCheck.HEADER, required = false)
                                     String payloadSignature,
                                     @RequestBody(required = false) byte[] body) {
        ResponseEntity<JsonNode> reply = serve(idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey,
                payloadSignature, body);
        faults.delayReply();
        return reply;
    }

    @GetMapping("/received")
    JsonNode received(@RequestParam(required = false) String service) {
        return inbox.snapshot().listing(received -> service == null || service.equals(received.service()),
                DvcqgReceived::toJson);
    }

    @DeleteMapping("/received")
    ResponseEntity<Void> clearReceived() {
        inbox.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/faults")
    JsonNode currentFaults() {
        return faults.current().toJson();
    }

    @PostMapping("/faults")
    ResponseEntity<JsonNode> changeFaults(@RequestBody(required = false) byte[] body) {
        Optional<JsonNode> request = body == null || body.length == 0
                ? Optional.of(JsonNodeFactory.instance.objectNode()) : readObject(body);
        if (request.isEmpty()) {
            return malformed();
        }
        List<SimulatorViolation> problems = new ArrayList<>();
        SimulatorFaults.Change change = SimulatorFaults.Change.read(request.get(), problems);
        boolean expireSessions = SimulatorFaults.flag(request.get(), "expireSessions", problems);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        if (expireSessions) {
            sessions.expireAll();
        }
        return ResponseEntity.ok(faults.apply(change).toJson());
    }

    private ResponseEntity<JsonNode> serve(String idempotencyKey, String payloadSignature, byte[] body) {
        Optional<SimulatorFaults.State> fault = faults.takeFailure();
        if (fault.isPresent()) {
            return faultReply(fault.get());
        }
        Optional<JsonNode> parsed = readObject(body);
        if (parsed.isEmpty()) {
            return malformed();
        }
        DvcqgPayloadSignatureCheck.Outcome signature = payloadSignature(payloadSignature, body);
        if (!signature.valid()) {
            ObjectNode answer = body("-4", SIGNATURE_INVALID);
            answer.putArray("errors").add(SimulatorViolation.of("", signature.problem()).toJson());
            return ResponseEntity.badRequest().body(answer);
        }
        JsonNode request = parsed.get();
        if (!sessions.isValid(text(request, "session"))) {
            return answer(HttpStatus.UNAUTHORIZED, "-2", "Phiên đăng nhập không hợp lệ hoặc đã hết hạn");
        }
        List<SimulatorViolation> violations = check(request);
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(VIETNAM)).truncatedTo(ChronoUnit.MILLIS);
        List<DvcqgReceived> records = new ArrayList<>();
        for (JsonNode record : request.get("data")) {
            records.add(new DvcqgReceived(now, idempotencyKey, text(request, "service"), text(request, "madonvi"),
                    request.get("isUpdating").booleanValue(), record.deepCopy(), signature.signers()));
        }
        inbox.accept(idempotencyKey, records);
        return answer(HttpStatus.OK, "0", "Thành công");
    }

    /** A signature the request carries is checked; a request without one is refused only when one is required. */
    private DvcqgPayloadSignatureCheck.Outcome payloadSignature(String header, byte[] body) {
        if (header != null) {
            return signatures.check(header, body);
        }
        return signatureRequired
                ? DvcqgPayloadSignatureCheck.Outcome.bad("is required: this platform accepts signed requests only")
                : DvcqgPayloadSignatureCheck.Outcome.UNSIGNED;
    }

    private List<SimulatorViolation> check(JsonNode request) {
        List<SimulatorViolation> violations = new ArrayList<>();
        String service = text(request, "service");
        if (!validator.knows(service)) {
            violations.add(SimulatorViolation.of("/service", "must be " + DvcqgRecordValidator.DONG_BO_HO_SO
                    + " or " + DvcqgRecordValidator.CAP_NHAT_TIEN_DO));
        }
        String unit = text(request, "madonvi");
        if (unit == null || unit.isBlank()) {
            violations.add(SimulatorViolation.of("/madonvi", "must be a non-blank string"));
        }
        if (!request.path("isUpdating").isBoolean()) {
            violations.add(SimulatorViolation.of("/isUpdating", "must be a boolean"));
        }
        JsonNode data = request.path("data");
        if (!data.isArray() || data.isEmpty() || data.size() > MAX_RECORDS) {
            violations.add(SimulatorViolation.of("/data", "must be an array of 1 to " + MAX_RECORDS + " records"));
        } else if (validator.knows(service)) {
            for (int i = 0; i < data.size(); i++) {
                int index = i;
                validator.validate(service, data.get(i)).forEach(v -> violations.add(v.atIndex(index)));
            }
        }
        return violations;
    }

    private Optional<JsonNode> readObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = reader.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static ResponseEntity<JsonNode> faultReply(SimulatorFaults.State fault) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(fault.status());
        if (fault.retryAfterSeconds() != null) {
            reply.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        }
        return reply.body(body("-9", "Simulated fault"));
    }

    private static ResponseEntity<JsonNode> malformed() {
        return invalid(List.of(SimulatorViolation.of("", "body must be one well-formed JSON object")));
    }

    private static ResponseEntity<JsonNode> invalid(List<SimulatorViolation> violations) {
        ObjectNode answer = body("-3", INVALID);
        ArrayNode errors = answer.putArray("errors");
        violations.forEach(v -> errors.add(v.toJson()));
        return ResponseEntity.badRequest().body(answer);
    }

    private static ResponseEntity<JsonNode> answer(HttpStatus status, String errorCode, String message) {
        return ResponseEntity.status(status).body(body(errorCode, message));
    }

    private static ObjectNode body(String errorCode, String message) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("error_code", errorCode);
        answer.put("message", message);
        return answer;
    }
}
