package vn.lienthong.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;

class ChainPropertiesTest {

    @Test
    void acceptsChainsWhoseLegsNameAnAgencyAndAProcedure() {
        assertThat(violations(Map.of("birth", chain(leg("000.12.00.H56", "2.001023"), leg("000.31.00.H56", "1.004194")))))
                .isEmpty();
    }

    @Test
    void refusesAtStartUpAChainWithoutLegsNamingTheSetting() {
        assertThat(violations(Map.of("birth", chain()))).extracting(ConstraintViolation::getMessage)
                .containsExactly("a chain needs at least one leg (lienthong.chains.<name>.legs)");
    }

    @Test
    void refusesALegWithoutAgencyOrWithAnOddProcedureOrServicePathNamingEachSetting() {
        ChainProperties.Leg noAgency = leg(null, "2.001023");
        ChainProperties.Leg oddProcedure = leg("000.31.00.H56", "1.004194/../x");
        ChainProperties.Leg oddService = leg("000.45.00.H56", "1.002101");
        oddService.setService("http://elsewhere.example/steal?x=1");

        assertThat(violations(Map.of("birth", chain(noAgency, oddProcedure, oddService))))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("chains[birth].legs[0].agency", "chains[birth].legs[1].procedure",
                        "chains[birth].legs[2].service");
    }

    @Test
    void refusesTwoChainsStartedByTheSameProcedure() {
        Map<String, ChainProperties.Chain> chains = new LinkedHashMap<>();
        chains.put("birth", chain(leg("000.12.00.H56", "2.001023")));
        chains.put("birth-again", chain(leg("000.31.00.H56", "2.001023")));

        assertThat(violations(chains)).extracting(ConstraintViolation::getMessage)
                .containsExactly("two chains start with the same procedure (lienthong.chains.<name>.legs[0].procedure)");
    }

    @Test
    void refusesAChainNameThatIsNotLowerCaseLettersDigitsOrDashes() {
        assertThat(violations(Map.of("Birth Chain", chain(leg("000.12.00.H56", "2.001023")))))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("a chain name is 1 to 40 lower-case letters, digits or -");
    }

    private static List<ConstraintViolation<ChainProperties>> violations(Map<String, ChainProperties.Chain> chains) {
        ChainProperties properties = new ChainProperties();
        properties.setChains(new LinkedHashMap<>(chains));
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return List.copyOf(validation.getValidator().validate(properties));
        }
    }

    private static ChainProperties.Chain chain(ChainProperties.Leg... legs) {
        ChainProperties.Chain chain = new ChainProperties.Chain();
        chain.setLegs(List.of(legs));
        return chain;
    }

    private static ChainProperties.Leg leg(String agency, String procedure) {
        ChainProperties.Leg leg = new ChainProperties.Leg();
        leg.setAgency(agency);
        leg.setProcedure(procedure);
        return leg;
    }
}
