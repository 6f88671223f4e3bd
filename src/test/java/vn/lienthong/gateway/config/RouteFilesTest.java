package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.lienthong.gateway.GatewayIntegrationTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;

/** The routes running are exactly those of the files in {@code routes/}, and health and metrics report on them. */
@GatewayIntegrationTest
class RouteFilesTest {

    private static final Pattern ROUTE_ID = Pattern.compile("(?m)^- route:\\s*\\n\\s+id:\\s*(\\S+)");

    @Autowired
    CamelContext camel;
    @LocalServerPort
    int port;

    @Test
    void runsExactlyTheRoutesDeclaredInTheRoutesFolder() throws IOException {
        Path routesDir = Path.of("routes").toAbsolutePath();
        List<String> declared;
        try (Stream<Path> files = Files.list(routesDir)) {
            declared = files.filter(f -> f.toString().endsWith(".camel.yaml")).flatMap(RouteFilesTest::routeIds).toList();
        }

        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrderElementsOf(declared);
        for (Route route : camel.getRoutes()) {
            assertThat(route.getRouteId()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(route.getSourceLocation()).startsWith("file:" + routesDir);
        }
    }

    @Test
    void reportsUpOnlyWithRoutesBrokerAndStoreInTheHealthCheck() throws IOException {
        var health = Samples.JSON.readTree(new Http(port).get("/actuator/health/readiness").body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").fieldNames()).toIterable()
                .contains("camelHealth", "db", "jms", "readinessState");
    }

    @Test
    void exposesPerDestinationCountersToPrometheus() throws Exception {
        Http http = new Http(port);
        http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(Samples.freshDossier()));

        String metrics = http.get("/actuator/prometheus").body();

        assertThat(metrics).contains("lienthong_messages_accepted_total{application=\"lienthong-gateway\",destination=\"DVCQG\"}");
    }

    private static Stream<String> routeIds(Path file) {
        try {
            Matcher m = ROUTE_ID.matcher(Files.readString(file));
            Stream.Builder<String> ids = Stream.builder();
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
