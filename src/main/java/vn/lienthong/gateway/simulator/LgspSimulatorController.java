package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the provincial data-sharing platform (LGSP) in the sandbox: an OAuth2 token endpoint (client credentials) whose
 * tokens expire, the document services behind bearer tokens, what it received, and faults.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sim/lgsp")
class LgspSimulatorController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_CREDENTIAL_LENGTH = 512;

    private final LgspTokenIssuer tokens;
    private final LgspDocumentValidator validator;
    private final ObjectReader reader;
    private final Clock clock;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final SimulatorInbox<LgspReceived> inbox = new SimulatorInbox<>();
    /** Organ codes whose SyncDocument records are refused with 400, until changed: a permanent fault for one agency. */
    private final java.util.Set<String> refusedOrgans = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_REFUSED_ORGANS = 100;

    LgspSimulatorController(LgspTokenIssuer tokens, LgspDocumentValidator validator, ObjectMapper mapper,
                            ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.validator = validator;
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The token endpoint (RFC 6749 §4.4): client credentials by HTTP Basic or in the form, never both. */
    @PostMapping("/token")
    ResponseEntity<JsonNode> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form,
                                   @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                   String authorization) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM) || request.getQueryString() != null) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request",
                    "send the parameters in an application/x-www-form-urlencoded body, not in the URL");
        }
        if (form.values().stream().anyMatch(values -> values.size() != 1)) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", "a parameter is repeated");
        }
        Map<String, String> fields = form.toSingleValueMap();
        Optional<String[]> basic = basicCredentials(authorization);
        boolean inForm = fields.containsKey("client_id") || fields.containsKey("client_secret");
        if (authorization != null && basic.isEmpty() || basic.isPresent() && inForm) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request",
                    "use one client authentication method: HTTP Basic or client_id and client_secret in the form");
        }
        String[] credentials = basic.orElse(new String[] {fields.get("client_id"), fields.get("client_secret")});
        if (credentials[0] == null || credentials[1] == null) {
            return unauthorizedClient();
        }
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            return oauthError(HttpStatus.BAD_REQUEST, fields.containsKey("grant_type") ? "unsupported_grant_type"
                    : "invalid_request", "grant_type must be client_credentials");
        }
        return tokens.issue(credentials[0], credentials[1])
                .map(token -> {
                    ObjectNode answer = JsonNodeFactory.instance.objectNode();
                    answer.put("access_token", token);
                    answer.put("token_type", "Bearer");
                    answer.put("expires_in", tokens.lifetimeSeconds());
                    answer.put("scope", "default");
                    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                            .header(HttpHeaders.PRAGMA, "no-cache").body((JsonNode) answer);
                })
                .orElseGet(this::unauthorizedClient);
    }

    @PostMapping("/Document/{service}")
    ResponseEntity<JsonNode> service(@PathVariable String service,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                     String authorization,
                                     @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                     @RequestBody(required = false) byte[] body) {
        ResponseEntity<JsonNode> reply = serve(service, authorization,
                idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey, body);
        faults.delayReply();
        return reply;
    }

    @GetMapping("/received")
    JsonNode received(@RequestParam(required = false) String service) {
        ObjectNode answer = inbox.snapshot().listing(
                received -> service == null || service.equals(received.service()), LgspReceived::toJson);
        answer.put("tokensIssued", tokens.issuedCount());
        return answer;
    }

    @DeleteMapping("/received")
    ResponseEntity<Void> clearReceived() {
        inbox.clear();
        return ResponseEntity.noContent().build();
    }

    /** Which receiving organs ({@code OrganInchargeIdLevel1}) the simulator refuses; {@code {"organs": [...]}}. */
    @GetMapping("/refused-organs")
    JsonNode refusedOrgans() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        refusedOrgans.stream().sorted().forEach(answer.putArray("organs")::add);
        return answer;
    }

    /** Replaces the organs refused with 400 (a permanent fault for those agencies only); an empty list clears it. */
    @PutMapping("/refused-organs")
    ResponseEntity<JsonNode> changeRefusedOrgans(@RequestBody(required = false) byte[] body) {
        Optional<JsonNode> request = readObject(body);
        JsonNode organs = request.map(r -> r.path("organs")).orElse(null);
        if (organs == null || !organs.isArray() || organs.size() > MAX_REFUSED_ORGANS) {
            return invalid(List.of(SimulatorViolation.of("/organs", "must be an array of at most "
                    + MAX_REFUSED_ORGANS + " organ codes")));
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode organ : organs) {
            if (!organ.isTextual() || !organ.asText().matches("[A-Za-z0-9._-]{1,64}")) {
                return invalid(List.of(SimulatorViolation.of("/organs", "each organ code is 1 to 64 letters, "
                        + "digits, . _ -")));
            }
            codes.add(organ.asText());
        }
        refusedOrgans.clear();
        refusedOrgans.addAll(codes);
        return ResponseEntity.ok(refusedOrgans());
    }

    @GetMapping("/faults")
    JsonNode currentFaults() {
        return faults.current().toJson().put("tokenLifetimeSeconds", tokens.lifetimeSeconds());
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
        boolean expireTokens = SimulatorFaults.flag(request.get(), "expireTokens", problems);
        Integer lifetime = SimulatorFaults.integer(request.get(), "tokenLifetimeSeconds", 1, 86_400, problems);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        if (change.reset()) {
            refusedOrgans.clear();
        }
        if (change.reset() || lifetime != null) {
            tokens.changeLifetime(lifetime == null ? null : Duration.ofSeconds(lifetime));
        }
        if (expireTokens) {
            tokens.expireAll();
        }
        ObjectNode state = faults.apply(change).toJson();
        state.put("tokenLifetimeSeconds", tokens.lifetimeSeconds());
        return ResponseEntity.ok(state);
    }

    private ResponseEntity<JsonNode> serve(String service, String authorization, String idempotencyKey, byte[] body) {
        Optional<SimulatorFaults.State> fault = faults.takeFailure();
        if (fault.isPresent()) {
            return faultReply(fault.get());
        }
        if (!tokens.isValid(bearerToken(authorization))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(body("100", "Token không hợp lệ hoặc đã hết hạn"));
        }
        if (!validator.knows(service)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body("201", "Không tìm thấy dịch vụ"));
        }
        Optional<JsonNode> parsed = readObject(body);
        if (parsed.isEmpty()) {
            return malformed();
        }
        List<SimulatorViolation> violations = validator.validate(service, parsed.get());
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        String organ = parsed.get().path("OrganInchargeIdLevel1").asText("");
        if (!organ.isEmpty() && refusedOrgans.contains(organ)) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body("400",
                    "Cơ quan tiếp nhận " + organ + " từ chối hồ sơ"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(VIETNAM)).truncatedTo(ChronoUnit.MILLIS);
        inbox.accept(idempotencyKey, List.of(new LgspReceived(now, idempotencyKey, service, parsed.get())));
        ObjectNode answer = body("0", "Thành công");
        answer.put("DocCode", parsed.get().path("DocCode").asText());
        return ResponseEntity.ok(answer);
    }

    /** The client id and secret of an HTTP Basic header (each form-encoded, RFC 6749 §2.3.1), if it is one. */
    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.length() > 2 * MAX_CREDENTIAL_LENGTH) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
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

    private ResponseEntity<JsonNode> unauthorizedClient() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lgsp\"")
                .body(oauthBody("invalid_client", "unknown client or wrong secret"));
    }

    private static ResponseEntity<JsonNode> oauthError(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(oauthBody(error, description));
    }

    private static JsonNode oauthBody(String error, String description) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("error", error);
        answer.put("error_description", description);
        return answer;
    }

    private static ResponseEntity<JsonNode> faultReply(SimulatorFaults.State fault) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(fault.status());
        if (fault.retryAfterSeconds() != null) {
            reply.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        }
        if (fault.status() == HttpStatus.UNAUTHORIZED.value()) {
            reply.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return reply.body(body("-9", "Simulated fault"));
    }

    private static ResponseEntity<JsonNode> malformed() {
        return invalid(List.of(SimulatorViolation.of("", "body must be one well-formed JSON object")));
    }

    private static ResponseEntity<JsonNode> invalid(List<SimulatorViolation> violations) {
        ObjectNode answer = body("200", "Dữ liệu không hợp lệ");
        ArrayNode errors = answer.putArray("errors");
        violations.forEach(v -> errors.add(v.toJson()));
        return ResponseEntity.badRequest().body(answer);
    }

    private static ObjectNode body(String errorCode, String description) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("ErrorCode", errorCode);
        answer.put("ErrorDesc", description);
        return answer;
    }
}
