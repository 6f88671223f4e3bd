package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.signature.SigningIdentity;
import vn.lienthong.gateway.signature.TimestampResponder;

/**
 * Plays an RFC 3161 timestamping authority in the sandbox at {@code /sim/tsa}: answers {@code application/timestamp-query}
 * with tokens signed by the sample TSA key, counts what it answered, and takes faults as the other simulators do.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sim/tsa")
class TsaSimulatorController {

    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";
    /** A SHA-512 request with a policy and extensions stays under a few hundred bytes. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final TimestampResponder responder;
    private final ObjectMapper json;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final AtomicLong answered = new AtomicLong();

    TsaSimulatorController(TsaSimulatorProperties properties, GatewayProperties gateway, ObjectMapper json,
                           ObjectProvider<Clock> clock) {
        SigningIdentity authority = SigningIdentity.fromPkcs12(gateway.getHome().resolve(properties.keystore()),
                properties.password().toCharArray(), null);
        this.responder = new TimestampResponder(authority, properties.policyOid(),
                clock.getIfUnique(Clock::systemUTC));
        this.json = json;
    }

    @PostMapping
    ResponseEntity<byte[]> stamp(@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                 @RequestBody(required = false) byte[] body) {
        Optional<SimulatorFaults.State> fault = faults.takeFailure();
        if (fault.isPresent()) {
            ResponseEntity.BodyBuilder reply = ResponseEntity.status(fault.get().status());
            if (fault.get().retryAfterSeconds() != null) {
                reply.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.get().retryAfterSeconds()));
            }
            return reply.build();
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(QUERY_TYPE)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
        }
        if (body == null || body.length == 0) {
            return ResponseEntity.badRequest().build();
        }
        if (body.length > MAX_REQUEST_BYTES) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] reply = responder.respond(body);
        answered.incrementAndGet();
        faults.delayReply();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(REPLY_TYPE)).body(reply);
    }

    @GetMapping("/received")
    JsonNode received() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("count", answered.get());
        return answer;
    }

    @DeleteMapping("/received")
    ResponseEntity<Void> clearReceived() {
        answered.set(0);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/faults")
    JsonNode currentFaults() {
        return faults.current().toJson();
    }

    @PostMapping("/faults")
    ResponseEntity<JsonNode> changeFaults(@RequestBody(required = false) byte[] body) {
        JsonNode request;
        try {
            request = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode() : json.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        List<SimulatorViolation> problems = new ArrayList<>();
        if (request == null || !request.isObject()) {
            problems.add(SimulatorViolation.of("", "body must be one well-formed JSON object"));
        }
        SimulatorFaults.Change change = problems.isEmpty() ? SimulatorFaults.Change.read(request, problems) : null;
        if (!problems.isEmpty()) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode errors = answer.putArray("errors");
            problems.forEach(p -> errors.add(p.toJson()));
            return ResponseEntity.badRequest().body(answer);
        }
        return ResponseEntity.ok(faults.apply(change).toJson());
    }
}
