package vn.lienthong.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.CodePattern;
import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.dossier.Dossier;

/**
 * Decides, from the routing rules of the configuration ({@code lienthong.routing}), to which platforms a dossier goes:
 * every destination one of whose rules its procedure code and agency code meet.
 */
@Component("routingRules")
public class RoutingRules {

    private final Map<String, List<CompiledRule>> rules = new TreeMap<>();

    public RoutingRules(RoutingProperties properties) {
        properties.getDestinations().forEach((destination, list) -> rules.put(destination,
                list.stream().map(CompiledRule::of).toList()));
    }

    /** The destinations of a dossier with these codes, in alphabetical order; empty when no rule takes it. */
    public List<String> destinationsOf(String procedureCode, String agencyCode) {
        List<String> destinations = new ArrayList<>();
        rules.forEach((destination, list) -> {
            if (list.stream().anyMatch(rule -> rule.takes(procedureCode, agencyCode))) {
                destinations.add(destination);
            }
        });
        return destinations;
    }

    /** Whether any rule can send a dossier to the destination. */
    public boolean routesTo(String destination) {
        return rules.containsKey(destination) && !rules.get(destination).isEmpty();
    }

    /**
     * Puts the destinations of the exchange's validated dossier on it ({@link ExchangeKeys#DESTINATIONS}); a dossier
     * that no rule sends anywhere is refused with {@code DOSSIER_NOT_ROUTED}.
     */
    public void routeDossier(Exchange exchange) {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        List<String> destinations = destinationsOf(dossier.procedureCode(), dossier.agencyCode());
        if (destinations.isEmpty()) {
            throw new GatewayException(ErrorCode.DOSSIER_NOT_ROUTED, "No routing rule sends dossiers of procedure "
                    + dossier.procedureCode() + " from agency " + dossier.agencyCode() + " to any platform; "
                    + "ask the provincial IT to add one (lienthong.routing).",
                    List.of(new Violation("/procedureCode", "no destination for this procedure and agency")));
        }
        exchange.setProperty(ExchangeKeys.DESTINATIONS, List.copyOf(destinations));
    }

    /** A rule with its patterns compiled; a list left out matches every code. */
    private record CompiledRule(List<CodePattern> procedures, List<CodePattern> agencies) {

        static CompiledRule of(RoutingProperties.Rule rule) {
            return new CompiledRule(compile(rule.getProcedureCodes()), compile(rule.getAgencyCodes()));
        }

        boolean takes(String procedureCode, String agencyCode) {
            return matchesAny(procedures, procedureCode) && matchesAny(agencies, agencyCode);
        }

        private static boolean matchesAny(List<CodePattern> patterns, String code) {
            return patterns == null || patterns.stream().anyMatch(p -> p.matches(code));
        }

        private static List<CodePattern> compile(List<String> patterns) {
            return patterns == null || patterns.isEmpty() ? null : patterns.stream().map(CodePattern::of).toList();
        }
    }
}
