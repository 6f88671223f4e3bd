package vn.lienthong.gateway.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.JsonSchemas;
import vn.lienthong.gateway.ingress.ClientIdentity;

/**
 * Validates a dossier against {@code schemas/json/dossier.schema.json} and the rules a schema cannot state, listing
 * every violation with its JSON pointer, then checks that the client may speak for the dossier's agency.
 */
@Component("dossierValidator")
public class DossierValidator {

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JsonSchema schema;
    private final ObjectMapper json;

    DossierValidator(JsonSchemas schemas, ObjectMapper json) {
        this.schema = schemas.load("json/dossier.schema.json");
        this.json = json;
    }

    /** Validates the parsed body and puts the {@link Dossier} on the exchange. */
    public void validate(Exchange exchange) {
        Dossier dossier = toDossier(exchange.getProperty(ExchangeKeys.JSON, JsonNode.class));
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null || !client.mayActFor(dossier.agencyCode())) {
            throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED,
                    "This client may not submit dossiers for agency " + dossier.agencyCode() + ".",
                    List.of(new Violation("/agencyCode", "not among the agencies this client may act for")));
        }
        exchange.setProperty(ExchangeKeys.DOSSIER, dossier);
    }

    Dossier toDossier(JsonNode body) {
        List<Violation> violations = JsonSchemas.violations(schema, body);
        if (violations.isEmpty()) {
            violations = ruleViolations(body);
        }
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.DOSSIER_INVALID,
                    "The dossier has " + violations.size() + " violation(s); see errors.", violations);
        }
        try {
            return json.treeToValue(body, Dossier.class);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.DOSSIER_INVALID, "The dossier cannot be read.",
                    List.of(new Violation("", "does not match the dossier model")), e);
        }
    }

    private static List<Violation> ruleViolations(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        String code = body.path("dossierCode").asText();
        String datePart = code.substring(code.length() - 11, code.length() - 5);
        try {
            LocalDate.parse(datePart, CODE_DATE);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("/dossierCode", "the date part " + datePart + " is not a real date (yyMMdd)"));
        }
        OffsetDateTime receivedAt = dateTime(body, "receivedAt", violations);
        OffsetDateTime dueAt = dateTime(body, "dueAt", violations);
        if (receivedAt != null && dueAt != null && dueAt.isBefore(receivedAt)) {
            violations.add(new Violation("/dueAt", "must not be before receivedAt"));
        }
        for (String optional : List.of("finishedAt", "returnedAt")) {
            if (body.hasNonNull(optional)) {
                OffsetDateTime t = dateTime(body, optional, violations);
                if (t != null && receivedAt != null && t.isBefore(receivedAt)) {
                    violations.add(new Violation("/" + optional, "must not be before receivedAt"));
                }
            }
        }
        return violations;
    }

    static OffsetDateTime dateTime(JsonNode body, String field, List<Violation> violations) {
        try {
            return OffsetDateTime.parse(body.path(field).asText());
        } catch (DateTimeParseException e) {
            violations.add(new Violation("/" + field, "is not a valid date-time"));
            return null;
        }
    }
}
