package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.gateway.simulator.LocalMessageValidator.Kind;

/**
 * Plays the province's own document systems in the sandbox at {@code /sim/local/{organId}}: takes the incoming
 * documents and status messages the gateway forwards inward (docs/vdxp-adapter.md, Delivery to local systems),
 * checks them against {@code schemas/local/}, keeps them once per idempotency key, and takes faults.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sim/local")
class LocalSystemsSimulatorController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern ORGAN_ID = Pattern.compile(VdxpSimulatorProperties.ORGAN_ID);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final LocalMessageValidator validator;
    private final long maxBodyBytes;
    private final ObjectReader reader;
    private final Clock clock;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final SimulatorInbox<LocalReceived> inbox = new SimulatorInbox<>();

    LocalSystemsSimulatorController(LocalMessageValidator validator, LocalSimulatorProperties properties,
                                    ObjectMapper mapper, ObjectProvider<Clock> clock) {
        this.validator = validator;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        ObjectMapper strict = mapper.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes))
                .build());
        this.reader = strict.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @PostMapping("/{organId}/documents")
    ResponseEntity<JsonNode> document(@PathVariable String organId, HttpServletRequest request) throws IOException {
        return receive(Kind.DOCUMENT, organId, request);
    }

    @PostMapping("/{organId}/status")
    ResponseEntity<JsonNode> status(@PathVariable String organId, HttpServletRequest request) throws IOException {
        return receive(Kind.STATUS, organId, request);
    }

    @GetMapping("/received")
    JsonNode received(@RequestParam(required = false) String organId, @RequestParam(required = false) Kind kind) {
        return inbox.snapshot().listing(r -> (organId == null || organId.equals(r.organId()))
                && (kind == null || kind == r.kind()), LocalReceived::toJson);
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
    ResponseEntity<JsonNode> changeFaults(HttpServletRequest request) throws IOException {
        Optional<JsonNode> change = BoundedBody.read(request, 4096).flatMap(b -> b.length == 0
                ? Optional.of(JsonNodeFactory.instance.objectNode()) : readObject(b));
        if (change.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "LOCAL_FAULTS_INVALID", "the body must be one JSON object of faults");
        }
        List<SimulatorViolation> problems = new ArrayList<>();
        SimulatorFaults.Change parsed = SimulatorFaults.Change.read(change.get(), problems);
        if (!problems.isEmpty()) {
            return invalid("LOCAL_FAULTS_INVALID", problems);
        }
        return ResponseEntity.ok(faults.apply(parsed).toJson());
    }

    private ResponseEntity<JsonNode> receive(Kind kind, String organId, HttpServletRequest request) throws IOException {
        Optional<SimulatorFaults.State> fault = faults.takeFailure();
        ResponseEntity<JsonNode> reply = fault.isPresent() ? faultReply(fault.get()) : accept(kind, organId, request);
        faults.delayReply();
        return reply;
    }

    private ResponseEntity<JsonNode> accept(Kind kind, String organId, HttpServletRequest request) throws IOException {
        if (organId.length() > 40 || !ORGAN_ID.matcher(organId).matches()) {
            return refuse(HttpStatus.NOT_FOUND, "LOCAL_ORGAN_UNKNOWN", "the path does not name an organ code");
        }
        if (!isJson(request.getContentType())) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "LOCAL_MEDIA_TYPE", "Content-Type must be application/json");
        }
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null || !KEY.matcher(key).matches()) {
            return invalid("LOCAL_IDEMPOTENCY_KEY", List.of(SimulatorViolation.of("",
                    "header Idempotency-Key is required: 1 to 200 printable ASCII characters, the same on every retry")));
        }
        Optional<byte[]> body = BoundedBody.read(request, maxBodyBytes);
        if (body.isEmpty()) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "LOCAL_TOO_LARGE", "the body is larger than " + maxBodyBytes
                    + " bytes");
        }
        Optional<JsonNode> parsed = readObject(body.get());
        if (parsed.isEmpty()) {
            return invalid("LOCAL_INVALID", List.of(SimulatorViolation.of("", "body must be one well-formed JSON object")));
        }
        LocalMessageValidator.Result checked = validator.validate(kind, organId, parsed.get());
        if (!checked.violations().isEmpty()) {
            return invalid("LOCAL_INVALID", checked.violations());
        }
        LocalReceived received = new LocalReceived(
                OffsetDateTime.now(clock.withZone(VIETNAM)).truncatedTo(ChronoUnit.MILLIS), organId, kind, key,
                UUID.randomUUID().toString(), summary(parsed.get(), checked.attachments()));
        Optional<LocalReceived> first = inbox.acceptOnce(key, received);
        LocalReceived answered = first.orElse(received);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("receiptId", answered.receiptId());
        answer.put("duplicate", first.isPresent());
        return ResponseEntity.ok(answer);
    }

    /** The body as received, attachments' content replaced by the size and SHA-256 computed from it. */
    private static JsonNode summary(JsonNode body, List<LocalMessageValidator.Digest> digests) {
        ObjectNode copy = body.deepCopy();
        JsonNode attachments = copy.path("attachments");
        for (int i = 0; i < attachments.size() && i < digests.size(); i++) {
            ObjectNode attachment = (ObjectNode) attachments.get(i);
            attachment.remove("content");
            attachment.put("size", digests.get(i).size());
            attachment.put("computedSha256", digests.get(i).sha256());
        }
        return copy;
    }

    private Optional<JsonNode> readObject(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = reader.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }

    private static ResponseEntity<JsonNode> invalid(String code, List<SimulatorViolation> violations) {
        ObjectNode answer = body(code, "the delivery does not match schemas/local/");
        ArrayNode errors = answer.putArray("errors");
        violations.forEach(v -> errors.add(v.toJson()));
        return ResponseEntity.badRequest().body(answer);
    }

    private static ResponseEntity<JsonNode> refuse(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(body(code, message));
    }

    private static ResponseEntity<JsonNode> faultReply(SimulatorFaults.State fault) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(fault.status());
        if (fault.retryAfterSeconds() != null) {
            reply.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        }
        return reply.body(body("LOCAL_SIMULATED_FAULT", "simulated fault"));
    }

    private static ObjectNode body(String code, String message) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("code", code);
        answer.put("message", message);
        return answer;
    }
}
