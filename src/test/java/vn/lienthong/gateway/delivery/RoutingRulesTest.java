package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.dossier.Dossier;

/** Routing rules from the configuration choose a dossier's destinations by its procedure and agency codes. */
class RoutingRulesTest {

    @Test
    void sendsADossierToEveryDestinationOneOfWhoseRulesItMeets() {
        RoutingRules rules = new RoutingRules(properties(Map.of(
                "DVCQG", List.of(rule(List.of("*"), null)),
                "LGSP", List.of(rule(List.of("1.000894.000.00.00.H56", "2.002*"), null)))));

        assertThat(rules.destinationsOf("1.000894.000.00.00.H56", "000.00.17.H56")).containsExactly("DVCQG", "LGSP");
        assertThat(rules.destinationsOf("2.002154", "000.00.17.H56")).containsExactly("DVCQG", "LGSP");
        assertThat(rules.destinationsOf("1.001193.000.00.00.H56", "000.00.17.H56")).containsExactly("DVCQG");
        assertThat(rules.destinationsOf("1.000894", "000.00.17.H56")).containsExactly("DVCQG");
    }

    @Test
    void aRuleWithBothListsNeedsBothCodesToMatch() {
        RoutingRules rules = new RoutingRules(properties(Map.of(
                "LGSP", List.of(rule(List.of("1.000894.*"), List.of("*.17.H56", "000.00.18.H56"))))));

        assertThat(rules.destinationsOf("1.000894.000.00.00.H56", "000.00.17.H56")).containsExactly("LGSP");
        assertThat(rules.destinationsOf("1.000894.000.00.00.H56", "000.00.18.H56")).containsExactly("LGSP");
        assertThat(rules.destinationsOf("1.000894.000.00.00.H56", "000.00.19.H56")).isEmpty();
        assertThat(rules.destinationsOf("1.001193.000.00.00.H56", "000.00.17.H56")).isEmpty();
    }

    @Test
    void anyOfSeveralRulesOfADestinationSendsTheDossierThere() {
        RoutingRules rules = new RoutingRules(properties(Map.of(
                "LGSP", List.of(rule(List.of("1.000894.*"), null), rule(null, List.of("000.00.18.H56"))))));

        assertThat(rules.destinationsOf("1.000894.000.00.00.H56", "000.00.17.H56")).containsExactly("LGSP");
        assertThat(rules.destinationsOf("1.001193.000.00.00.H56", "000.00.18.H56")).containsExactly("LGSP");
        assertThat(rules.destinationsOf("1.001193.000.00.00.H56", "000.00.17.H56")).isEmpty();
        assertThat(rules.routesTo("LGSP")).isTrue();
        assertThat(rules.routesTo("DVCQG")).isFalse();
    }

    @Test
    void takesStarsAsWildcardsAndEverythingElseLiterally() {
        RoutingRules rules = new RoutingRules(properties(Map.of("LGSP", List.of(rule(List.of("1.0008.4*"), null)))));

        assertThat(rules.destinationsOf("1.0008.4", "000.00.17.H56")).containsExactly("LGSP");
        assertThat(rules.destinationsOf("1.000894", "000.00.17.H56")).isEmpty();
    }

    @Test
    void refusesADossierNoRuleSendsAnywhereWithDossierNotRouted() throws Exception {
        RoutingRules rules = new RoutingRules(properties(Map.of("LGSP", List.of(rule(List.of("2.002*"), null)))));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ExchangeKeys.DOSSIER, new ObjectMapper().registerModule(new JavaTimeModule())
                .treeToValue(Samples.dossier(), Dossier.class));

        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> rules.routeDossier(exchange));

        assertThat(refused.code()).isEqualTo(ErrorCode.DOSSIER_NOT_ROUTED);
        assertThat(refused.code().httpStatus()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("1.001193.000.00.00.H56").contains("000.00.17.H56");
        assertThat(exchange.getProperty(ExchangeKeys.DESTINATIONS)).isNull();
    }

    @Test
    void refusesAtStartUpRulesThatNameUnknownDestinationsListNothingOrHoldOddCharacters() {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            var validator = validation.getValidator();

            assertThat(validator.validate(properties(Map.of("VDXP2", List.of(rule(List.of("*"), null))))))
                    .extracting(v -> v.getMessage()).containsExactly("names a destination the gateway cannot deliver "
                            + "to (lienthong.routing.destinations.<name>; known: DVCQG, LGSP)");
            assertThat(validator.validate(properties(Map.of("LGSP", List.of(rule(null, List.of()))))))
                    .extracting(v -> v.getMessage())
                    .containsExactly("a routing rule must list procedure-codes or agency-codes (use [\"*\"] for every "
                            + "dossier)");
            assertThat(validator.validate(properties(Map.of("LGSP", List.of(rule(List.of("1.00(0|1).*"), null))))))
                    .extracting(v -> v.getPropertyPath().toString()).singleElement().asString()
                    .contains("procedureCodes");
            assertThat(validator.validate(properties(Map.of("DVCQG", List.of(rule(List.of("*"), null)))))).isEmpty();
        }
    }

    private static RoutingProperties properties(Map<String, List<RoutingProperties.Rule>> destinations) {
        RoutingProperties properties = new RoutingProperties();
        properties.setDestinations(new LinkedHashMap<>(destinations));
        return properties;
    }

    private static RoutingProperties.Rule rule(List<String> procedureCodes, List<String> agencyCodes) {
        RoutingProperties.Rule rule = new RoutingProperties.Rule();
        if (procedureCodes != null) {
            rule.setProcedureCodes(procedureCodes);
        }
        if (agencyCodes != null) {
            rule.setAgencyCodes(agencyCodes);
        }
        return rule;
    }
}
