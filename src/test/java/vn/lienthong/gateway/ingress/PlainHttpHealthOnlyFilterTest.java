package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.lienthong.gateway.config.GatewayProperties;

/** With {@code lienthong.plain-http.health-only}, the plain HTTP port answers health and 404 to everything else. */
class PlainHttpHealthOnlyFilterTest {

    @ParameterizedTest(name = "{0} health-only={1} -> {2}")
    @CsvSource({
            "/actuator/health, true, 200",
            "/actuator/health/readiness, true, 200",
            "/api/v1/dossiers, true, 404",
            "/soap/gateway, true, 404",
            "/actuator/prometheus, true, 404",
            "/actuator/health/../prometheus, true, 404",
            "/api/v1/dossiers, false, 200"})
    void servesOnlyHealthWhenConfigured(String path, boolean healthOnly, int status) throws Exception {
        GatewayProperties properties = new GatewayProperties();
        properties.setHome(Path.of(""));
        properties.getMtls().setPort(0);
        properties.getPlainHttp().setHealthOnly(healthOnly);
        PlainHttpHealthOnlyFilter filter = new PlainHttpHealthOnlyFilter(properties, new MtlsConnector(properties),
                new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(java.net.URI.create(path).normalize().getPath());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(status);
        if (status == 404) {
            assertThat(response.getContentType()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(response.getContentAsString()).contains("NOT_FOUND");
        }
    }
}
