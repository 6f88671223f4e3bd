package vn.lienthong.gateway.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import vn.lienthong.gateway.ingress.PathParameters;

/**
 * Validates a progress step against {@code schemas/json/progress.schema.json} (every violation with its JSON pointer)
 * and checks that the client may speak for the agency of the dossier named in the path.
 */
@Component("progressValidator")
public class ProgressValidator {

    private final JsonSchema schema;
    private final ObjectMapper json;
    private final DossierStates states;

    ProgressValidator(JsonSchemas schemas, ObjectMapper json, DossierStates states) {
        this.schema = schemas.load("json/progress.schema.json");
        this.json = json;
        this.states = states;
    }

    /**
     * Validates the parsed body and puts the {@link Progress}, the dossier code and its agency on the exchange, with the
     * destinations of the dossier's last record as the step's destinations (none for a dossier never synced).
     */
    public void validate(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        Progress step = toProgress(exchange.getProperty(ExchangeKeys.JSON, JsonNode.class));
        Optional<DossierStates.Route> route = states.routeOf(dossierCode);
        String agencyCode = route.map(DossierStates.Route::agencyCode)
                .orElse(dossierCode.substring(0, dossierCode.indexOf('-')));
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null || !client.mayActFor(agencyCode)) {
            throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED,
                    "This client may not report progress for agency " + agencyCode + ".",
                    List.of(new Violation("dossierCode", "its agency is not among those this client may act for")));
        }
        exchange.setProperty(ExchangeKeys.PROGRESS, step);
        exchange.setProperty(ExchangeKeys.AGENCY_CODE, agencyCode);
        exchange.setProperty(ExchangeKeys.DOSSIER_CODE, dossierCode);
        exchange.setProperty(ExchangeKeys.DESTINATIONS, route.map(DossierStates.Route::destinations).orElse(List.of()));
    }

    Progress toProgress(JsonNode body) {
        List<Violation> violations = JsonSchemas.violations(schema, body);
        if (violations.isEmpty()) {
            violations = new ArrayList<>();
            DossierValidator.dateTime(body, "at", violations);
            if (body.hasNonNull("plannedEndAt")) {
                DossierValidator.dateTime(body, "plannedEndAt", violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.PROGRESS_INVALID,
                    "The progress step has " + violations.size() + " violation(s); see errors.", violations);
        }
        try {
            return json.treeToValue(body, Progress.class);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.PROGRESS_INVALID, "The progress step cannot be read.",
                    List.of(new Violation("", "does not match the progress model")), e);
        }
    }
}
