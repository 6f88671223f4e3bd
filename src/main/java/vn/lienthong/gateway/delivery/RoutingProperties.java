package vn.lienthong.gateway.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The routing rules under {@code lienthong.routing.destinations}: for each destination platform, the rules a dossier
 * must meet (any one of them) to be sent there; a destination left out receives nothing.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.routing")
public class RoutingProperties {

    static final String CODE_PATTERN = "[A-Za-z0-9._*-]{1,64}";

    @Valid
    private Map<String, List<@NotNull @Valid Rule>> destinations = new LinkedHashMap<>();

    public Map<String, List<Rule>> getDestinations() { return destinations; }
    public void setDestinations(Map<String, List<Rule>> destinations) { this.destinations = destinations; }

    /** A rule names only destinations the gateway has a delivery queue for. */
    @AssertTrue(message = "names a destination the gateway cannot deliver to (lienthong.routing.destinations.<name>; "
            + "known: DVCQG, LGSP)")
    public boolean isEveryDestinationKnown() {
        return DeliveryQueues.destinations().containsAll(destinations.keySet());
    }

    /**
     * One rule: a dossier meets it when its procedure code matches one of {@code procedure-codes} and its agency code
     * one of {@code agency-codes}; a list left out matches every code, but a rule must give at least one of them.
     */
    public static class Rule {
        private List<@NotNull @Pattern(regexp = CODE_PATTERN, message = "must be a code or a pattern with * such as "
                + "1.001193.* (letters, digits, . _ - *)") String> procedureCodes;
        private List<@NotNull @Pattern(regexp = CODE_PATTERN, message = "must be a code or a pattern with * such as "
                + "*.H56 (letters, digits, . _ - *)") String> agencyCodes;

        /** A rule without either list would send everything by accident; {@code ["*"]} says so on purpose. */
        @AssertTrue(message = "a routing rule must list procedure-codes or agency-codes (use [\"*\"] for every dossier)")
        public boolean isNarrowed() {
            return procedureCodes != null && !procedureCodes.isEmpty() || agencyCodes != null && !agencyCodes.isEmpty();
        }

        public List<String> getProcedureCodes() { return procedureCodes; }
        public void setProcedureCodes(List<String> procedureCodes) {
            this.procedureCodes = new ArrayList<>(procedureCodes);
        }
        public List<String> getAgencyCodes() { return agencyCodes; }
        public void setAgencyCodes(List<String> agencyCodes) {
            this.agencyCodes = new ArrayList<>(agencyCodes);
        }
    }
}
