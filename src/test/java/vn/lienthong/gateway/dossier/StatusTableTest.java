package vn.lienthong.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import vn.lienthong.gateway.config.GatewayProperties;

import static vn.lienthong.gateway.dossier.DossierStatus.*;

/** Every pair of statuses against DESIGN §6.3's table, as the shipped application.yaml configures it. */
class StatusTableTest {

    /** DESIGN §6.3: 1→2,3,7 · 2→4,5,6,7,8,9 · 4→5,6,7,8,9 · 5→4,7,8 · 6→4,7,8,9 · 9→10; 3, 7, 8, 10 final. */
    private static final Map<DossierStatus, Set<DossierStatus>> DESIGN = Map.of(
            NEW, EnumSet.of(ACCEPTED, NOT_ACCEPTED, WITHDRAWN),
            ACCEPTED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUIRED, WITHDRAWN, STOPPED, DONE),
            PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, PAYMENT_REQUIRED, WITHDRAWN, STOPPED, DONE),
            SUPPLEMENT_REQUESTED, EnumSet.of(PROCESSING, WITHDRAWN, STOPPED),
            PAYMENT_REQUIRED, EnumSet.of(PROCESSING, WITHDRAWN, STOPPED, DONE),
            DONE, EnumSet.of(RETURNED));

    private static final StatusTable SHIPPED = shippedTable();

    static Stream<Arguments> everyPair() {
        return Stream.of(DossierStatus.values()).flatMap(from -> Stream.of(DossierStatus.values())
                .map(to -> Arguments.of(from, to, DESIGN.getOrDefault(from, Set.of()).contains(to))));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPair")
    void theShippedTableAllowsExactlyTheStepsOfTheDesign(DossierStatus from, DossierStatus to, boolean legal) {
        assertThat(SHIPPED.allows(from, to)).isEqualTo(legal);
    }

    @ParameterizedTest
    @MethodSource("finalStatuses")
    void aFinalStatusHasNoNextStep(DossierStatus status) {
        assertThat(SHIPPED.after(status)).isEmpty();
    }

    static List<DossierStatus> finalStatuses() {
        return List.of(NOT_ACCEPTED, WITHDRAWN, STOPPED, RETURNED);
    }

    private static StatusTable shippedTable() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new FileSystemResource(
                    "src/main/resources/application.yaml")).forEach(environment.getPropertySources()::addLast);
            GatewayProperties properties = new GatewayProperties();
            Binder.get(environment).bind("lienthong", Bindable.ofInstance(properties));
            return new StatusTable(properties);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
