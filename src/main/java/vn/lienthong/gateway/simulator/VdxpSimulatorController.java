package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.gateway.simulator.EdxmlFacts.MessageType;
import vn.lienthong.gateway.simulator.VdxpAxis.ReceiveState;
import vn.lienthong.gateway.simulator.VdxpSimulatorProperties.VdxpSystem;

/**
 * Plays the national document interchange axis (VDXP adapter) in the sandbox, as docs/vdxp-adapter.md specifies:
 * HMAC-authenticated sendEdoc / getReceivedEdocList / getEdoc / updateStatus / getSentEdocList over per-organ inboxes,
 * edXML checked against the XSD and its signature verified, plus placements by hand, what it received, and faults.
 */
@RestController
@Profile("sandbox")
@RequestMapping("/sim/vdxp")
class VdxpSimulatorController {

    static final String SERVICE_TYPE = "eDoc";
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ORGAN_ID = Pattern.compile(VdxpSimulatorProperties.ORGAN_ID);
    private static final int MAX_RECIPIENTS = 100;
    private static final int MAX_RECEIVED_LISTED = 1000;

    private final VdxpRequestAuthenticator authenticator;
    private final EdxmlSchemaCheck schema;
    private final EdxmlSignatureCheck signatures;
    private final VdxpAxis axis;
    private final long maxEdocBytes;
    private final ObjectReader json;
    private final SimulatorFaults faults = new SimulatorFaults();

    VdxpSimulatorController(VdxpSimulatorProperties properties, @Value("${lienthong.home}") Path home,
                            @Value("${lienthong.schemas-dir}") Path schemasDir, ObjectMapper mapper,
                            ObjectProvider<Clock> clockProvider) {
        Clock clock = clockProvider.getIfUnique(Clock::systemUTC);
        this.authenticator = new VdxpRequestAuthenticator(properties, clock);
        this.schema = EdxmlSchemaCheck.load(home.resolve(schemasDir).resolve("edxml").resolve("edxml.xsd"));
        this.signatures = EdxmlSignatureCheck.load(home.resolve(properties.trustAnchors()), clock);
        this.axis = new VdxpAxis(clock, properties.maxRetainedSize().toBytes());
        this.maxEdocBytes = properties.maxEdocSize().toBytes();
        this.json = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** One authenticated adapter call: its headers and the system that made it. */
    private record Call(VdxpHeaders headers, VdxpSystem system, HttpServletRequest request) {

        Set<String> organs() {
            return Set.copyOf(system.organIds());
        }
    }

    /** The work of one adapter operation, which may refuse the call. */
    @FunctionalInterface
    private interface AdapterOperation {
        ObjectNode serve(Call call) throws IOException;
    }

    @PostMapping("/sendEdoc")
    ResponseEntity<JsonNode> sendEdoc(HttpServletRequest request) {
        return serve("sendEdoc", request, this::send);
    }

    @PostMapping("/getReceivedEdocList")
    ResponseEntity<JsonNode> getReceivedEdocList(HttpServletRequest request) {
        return serve("getReceivedEdocList", request, call -> {
            serviceType(call.headers());
            MessageType type = messageType(call.headers().required(VdxpHeaders.MESSAGE_TYPE));
            ObjectNode answer = success();
            answer.set("data", axis.pending(call.organs(), type));
            return answer;
        });
    }

    @PostMapping("/getEdoc")
    ResponseEntity<JsonNode> getEdoc(HttpServletRequest request) {
        return serve("getEdoc", request, call -> {
            byte[] edxml = axis.fetch(call.headers().required(VdxpHeaders.DOC_ID), call.organs());
            ObjectNode answer = success();
            answer.put("data", Base64.getEncoder().encodeToString(edxml));
            return answer;
        });
    }

    @PostMapping("/updateStatus")
    ResponseEntity<JsonNode> updateStatus(HttpServletRequest request) {
        return serve("updateStatus", request, call -> {
            String docId = call.headers().required(VdxpHeaders.DOC_ID);
            ReceiveState target = switch (call.headers().required(VdxpHeaders.STATUS)) {
                case "done" -> ReceiveState.DONE;
                case "fail" -> ReceiveState.FAIL;
                default -> throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header status must be done or fail");
            };
            axis.confirm(docId, call.organs(), target);
            return success();
        });
    }

    @PostMapping("/getSentEdocList")
    ResponseEntity<JsonNode> getSentEdocList(HttpServletRequest request) {
        return serve("getSentEdocList", request, call -> {
            String from = call.headers().get(VdxpHeaders.FROM);
            Set<String> senders = from == null ? call.organs() : Set.of(ownOrgan(call, from));
            String type = call.headers().get(VdxpHeaders.MESSAGE_TYPE);
            ObjectNode answer = success();
            answer.set("data", axis.sent(senders, type == null ? null : messageType(type),
                    call.headers().get(VdxpHeaders.DOC_ID)));
            return answer;
        });
    }

    /** Places an edXML file in an organ's inbox as if another agency had sent it: well-formed and routable, signature optional. */
    @PostMapping("/inbox/{organId}")
    ResponseEntity<JsonNode> place(@PathVariable String organId, HttpServletRequest request) {
        try {
            if (organId.length() > 40 || !ORGAN_ID.matcher(organId).matches()) {
                throw new VdxpRefusal(VdxpError.HEADER_INVALID, "the path's organ code is not an organ code");
            }
            byte[] body = body(request);
            org.w3c.dom.Document document = SimulatorXml.parse(body);
            EdxmlFacts facts = EdxmlFacts.read(document);
            EdxmlSignatureCheck.Outcome signature = signatures.verify(document);
            VdxpAxis.Accepted accepted = axis.accept("inbox\n" + organId + "\n" + facts.deduplicationKey(),
                    new VdxpAxis.Origin(null, true), facts, List.of(organId), body, sha256Hex(body), signature);
            ObjectNode answer = accepted(accepted);
            answer.put("receiverDocId", accepted.receiverDocIds().get(0));
            answer.put("signature", signature.valid() ? "VALID" : "NOT_VALID");
            return ResponseEntity.ok(answer);
        } catch (VdxpRefusal refusal) {
            return refused(refusal);
        } catch (IOException e) {
            return refused(new VdxpRefusal(VdxpError.EDXML_INVALID, "the body could not be read"));
        }
    }

    @GetMapping("/received")
    JsonNode received(@RequestParam(required = false) String organId,
                      @RequestParam(required = false, defaultValue = "100") int limit) {
        return axis.received(organId, Math.max(1, Math.min(limit, MAX_RECEIVED_LISTED)));
    }

    @DeleteMapping("/received")
    ResponseEntity<Void> clearReceived() {
        axis.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/faults")
    JsonNode currentFaults() {
        return faults.current().toJson();
    }

    @PostMapping("/faults")
    ResponseEntity<JsonNode> changeFaults(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request, 4096);
        Optional<JsonNode> change = body.flatMap(this::readObject);
        if (change.isEmpty()) {
            return ResponseEntity.badRequest().body(failure("104", "the body must be one JSON object of faults"));
        }
        List<SimulatorViolation> problems = new ArrayList<>();
        SimulatorFaults.Change parsed = SimulatorFaults.Change.read(change.get(), problems);
        if (!problems.isEmpty()) {
            ObjectNode answer = failure("104", "invalid faults");
            problems.forEach(p -> answer.withArray("errors").add(p.toJson()));
            return ResponseEntity.badRequest().body(answer);
        }
        return ResponseEntity.ok(faults.apply(parsed).toJson());
    }

    private ObjectNode send(Call call) throws IOException {
        VdxpHeaders headers = call.headers();
        serviceType(headers);
        MessageType type = messageType(headers.required(VdxpHeaders.MESSAGE_TYPE));
        String from = ownOrgan(call, headers.required(VdxpHeaders.FROM));
        Set<String> to = recipients(headers.required(VdxpHeaders.TO));
        String hashFile = headers.required(VdxpHeaders.HASH_FILE);
        if (!HEX_SHA256.matcher(hashFile).matches()) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header hash-file must be 64 lower-case hex digits");
        }
        if (!isOctetStream(call.request().getContentType())) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "Content-Type must be application/octet-stream");
        }
        byte[] body = body(call.request());
        String sha256 = sha256Hex(body);
        if (!sha256.equals(hashFile)) {
            throw new VdxpRefusal(VdxpError.BODY_HASH_MISMATCH, "");
        }
        org.w3c.dom.Document document = SimulatorXml.parse(body);
        schema.validate(document);
        EdxmlFacts facts = EdxmlFacts.read(document);
        if (facts.type() != type) {
            throw new VdxpRefusal(VdxpError.EDXML_HEADER_MISMATCH,
                    "messagetype is " + type.header() + " but the edXML is a " + facts.type().header());
        }
        if (!facts.from().equals(from)) {
            throw new VdxpRefusal(VdxpError.EDXML_HEADER_MISMATCH, "from is not MessageHeader/From/OrganId");
        }
        if (!new HashSet<>(facts.to()).equals(to)) {
            throw new VdxpRefusal(VdxpError.EDXML_HEADER_MISMATCH, type == MessageType.EDOC
                    ? "to is not the set of MessageHeader/To/OrganId" : "to is not [MessageHeader/ResponseFor/OrganId]");
        }
        EdxmlSignatureCheck.Outcome signature = signatures.verify(document);
        if (!signature.valid()) {
            throw new VdxpRefusal(VdxpError.EDXML_SIGNATURE_INVALID, signature.problem());
        }
        return accepted(axis.accept(facts.deduplicationKey(), new VdxpAxis.Origin(call.system().systemId(), false),
                facts, facts.to(), body, sha256, signature));
    }

    private ResponseEntity<JsonNode> serve(String operation, HttpServletRequest request, AdapterOperation work) {
        Optional<SimulatorFaults.State> fault = faults.takeFailure();
        ResponseEntity<JsonNode> reply;
        if (fault.isPresent()) {
            reply = faultReply(fault.get());
        } else {
            try {
                VdxpHeaders headers = VdxpHeaders.of(request);
                VdxpSystem system = authenticator.authenticate(operation, headers);
                reply = ResponseEntity.ok(work.serve(new Call(headers, system, request)));
            } catch (VdxpRefusal refusal) {
                reply = refused(refusal);
            } catch (IOException e) {
                reply = refused(new VdxpRefusal(VdxpError.EDXML_INVALID, "the body could not be read"));
            }
        }
        faults.delayReply();
        return reply;
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        byte[] body = BoundedBody.read(request, maxEdocBytes).orElseThrow(() -> new VdxpRefusal(VdxpError.TOO_LARGE,
                "the limit is " + maxEdocBytes + " bytes"));
        if (body.length == 0) {
            throw new VdxpRefusal(VdxpError.EDXML_INVALID, "the body is empty");
        }
        return body;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void serviceType(VdxpHeaders headers) {
        if (!SERVICE_TYPE.equals(headers.required(VdxpHeaders.SERVICE_TYPE))) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header servicetype must be eDoc");
        }
    }

    private static MessageType messageType(String value) {
        return MessageType.ofHeader(value).orElseThrow(() -> new VdxpRefusal(VdxpError.HEADER_INVALID,
                "header messagetype must be edoc or status"));
    }

    private static String ownOrgan(Call call, String organ) {
        if (!ORGAN_ID.matcher(organ).matches() || organ.length() > 40) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header from is not an organ code");
        }
        if (!call.system().organIds().contains(organ)) {
            throw new VdxpRefusal(VdxpError.ORGAN_NOT_ALLOWED, "");
        }
        return organ;
    }

    private Set<String> recipients(String header) {
        JsonNode array = readTree(header).filter(JsonNode::isArray).orElseThrow(() -> new VdxpRefusal(
                VdxpError.HEADER_INVALID, "header to must be a JSON array of organ codes"));
        if (array.isEmpty() || array.size() > MAX_RECIPIENTS) {
            throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header to must hold 1 to " + MAX_RECIPIENTS + " organ codes");
        }
        Set<String> organs = new LinkedHashSet<>();
        for (JsonNode organ : array) {
            if (!organ.isTextual() || organ.textValue().length() > 40 || !ORGAN_ID.matcher(organ.textValue()).matches()) {
                throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header to holds something that is not an organ code");
            }
            if (!organs.add(organ.textValue())) {
                throw new VdxpRefusal(VdxpError.HEADER_INVALID, "header to repeats an organ code");
            }
        }
        return organs;
    }

    private static boolean isOctetStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    private Optional<JsonNode> readObject(byte[] body) {
        if (body.length == 0) {
            return Optional.of(JsonNodeFactory.instance.objectNode());
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> readTree(String text) {
        try {
            return Optional.ofNullable(json.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode accepted(VdxpAxis.Accepted accepted) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("status", "OK");
        answer.put("ErrorCode", "0");
        answer.put("ErrorDesc", accepted.duplicate() ? "Trùng lặp: đã nhận trước đó" : "Thành công");
        answer.put("DocId", accepted.senderDocId());
        return answer;
    }

    private static ObjectNode success() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("status", "OK");
        answer.put("ErrorCode", "0");
        answer.put("ErrorDesc", "Thành công");
        return answer;
    }

    private static ObjectNode failure(String code, String description) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("status", "FAIL");
        answer.put("ErrorCode", code);
        answer.put("ErrorDesc", description);
        return answer;
    }

    private static ResponseEntity<JsonNode> refused(VdxpRefusal refusal) {
        return ResponseEntity.status(refusal.error().status())
                .body(failure(refusal.error().code(), refusal.description()));
    }

    private static ResponseEntity<JsonNode> faultReply(SimulatorFaults.State fault) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(fault.status());
        if (fault.retryAfterSeconds() != null) {
            reply.header(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        }
        return reply.body(failure("900", "Lỗi mô phỏng (simulated fault)"));
    }
}
