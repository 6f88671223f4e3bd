package vn.lienthong.gateway.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.JsonSchemas;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdocViolation;
import vn.lienthong.gateway.vdxp.OrganIds;
import vn.lienthong.gateway.vdxp.VdxpAxisProperties;

/**
 * Checks a status a local system reports about a received document ({@code POST /api/v1/documents/{documentId}/status},
 * {@code schemas/json/document-status.schema.json}): a well-formed document id in the path, the body, the rules of
 * edXML status messages; decides which of the gateway's organs reports it (the body's {@code from}, else the one organ
 * of {@code lienthong.vdxp.organ-ids} the client may act for); and makes the canonical status JSON that is stored and
 * queued, the document id and the reporting organ included. Until the gateway keeps the documents it received, any
 * well-formed document id of another organ is taken.
 */
@Component("documentStatusValidator")
public class DocumentStatusValidator {

    private final JsonSchema schema;
    private final EdocRules rules;
    private final VdxpAxisProperties axis;
    private final ObjectMapper json;

    DocumentStatusValidator(JsonSchemas schemas, EdocRules rules, VdxpAxisProperties axis, ObjectMapper json) {
        this.schema = schemas.load("json/document-status.schema.json");
        this.rules = rules;
        this.axis = axis;
        this.json = json;
    }

    /** Validates; leaves the {@link OutgoingStatus} and the canonical JSON (tree, text, payload) on the exchange. */
    public void validate(Exchange exchange) throws JsonProcessingException {
        DocumentId documentId = documentId(exchange.getIn().getHeader("documentId", String.class));
        JsonNode body = exchange.getProperty(ExchangeKeys.JSON, JsonNode.class);
        List<Violation> violations = new ArrayList<>(JsonSchemas.violations(schema, body));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        String from = reportingOrgan(body, client);
        if (from.equals(documentId.organId())) {
            throw invalid(List.of(new Violation("/from/organId", "the document was sent by this organ; a status "
                    + "goes from a recipient to the sender")));
        }
        ObjectNode canonical = body.deepCopy();
        canonical.put("documentId", documentId.value());
        ObjectNode fromNode = canonical.putObject("from");
        fromNode.put("organId", from);
        if (body.path("from").hasNonNull("organName")) {
            fromNode.put("organName", body.path("from").get("organName").asText());
        }
        for (EdocViolation v : rules.check(StatusJson.toStatus(canonical))) {
            violations.add(v.inJson());
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        String text = json.writeValueAsString(canonical);
        exchange.setProperty(ExchangeKeys.JSON, canonical);
        exchange.setProperty(ExchangeKeys.JSON_TEXT, text);
        exchange.setProperty(ExchangeKeys.RAW_BODY, text.getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(ExchangeKeys.DOCUMENT_ID, documentId.value());
        exchange.setProperty(ExchangeKeys.DOCUMENT_STATUS, new OutgoingStatus(documentId.value(), from,
                documentId.organId(), body.get("statusCode").asText()));
    }

    private static DocumentId documentId(String text) {
        DocumentId id = DocumentId.tryParse(text).orElseThrow(() -> new GatewayException(
                ErrorCode.PATH_PARAMETER_INVALID, "The document id is not well formed.",
                List.of(new Violation("documentId", "must be {organId},{yyyy/MM/dd},{number}/{notation}, "
                        + "URL-encoded"))));
        if (!OrganIds.isValid(id.organId()) || id.value().length() > 255) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The document id is not well formed.",
                    List.of(new Violation("documentId", "needs a sender organ id such as 000.00.17.H56 and at most "
                            + "255 characters")));
        }
        return id;
    }

    private String reportingOrgan(JsonNode body, ClientIdentity client) {
        if (body.path("from").hasNonNull("organId")) {
            String from = body.path("from").get("organId").asText();
            if (!client.mayActFor(from)) {
                throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED, "This client may not report for organ "
                        + from + ".", List.of(new Violation("/from/organId",
                        "not among the agencies this client may act for")));
            }
            if (!axis.getOrganIds().contains(from)) {
                throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED, "This gateway does not receive documents "
                        + "for organ " + from + " (lienthong.vdxp.organ-ids).",
                        List.of(new Violation("/from/organId", "not an organ this gateway receives for")));
            }
            return from;
        }
        List<String> candidates = axis.getOrganIds().stream().filter(client::mayActFor).toList();
        if (candidates.size() != 1) {
            throw invalid(List.of(new Violation("/from", candidates.isEmpty()
                    ? "this client may act for none of the organs this gateway receives for"
                    : "this client may act for " + candidates.size() + " of the gateway's organs; name the one "
                            + "that reports in from.organId")));
        }
        return candidates.get(0);
    }

    private static GatewayException invalid(List<Violation> violations) {
        return new GatewayException(ErrorCode.DOCUMENT_STATUS_INVALID, violations.size() == 1
                ? "The status breaks a rule at " + violations.get(0).pointer() + ": " + violations.get(0).message()
                        + "."
                : "The status has " + violations.size() + " violations; see errors.", violations);
    }
}
