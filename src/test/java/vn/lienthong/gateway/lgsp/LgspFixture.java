package vn.lienthong.gateway.lgsp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.mock.env.MockEnvironment;

import vn.lienthong.gateway.PlatformStub;
import vn.lienthong.gateway.PlatformStub.Canned;
import vn.lienthong.gateway.delivery.RoutingProperties;
import vn.lienthong.gateway.delivery.RoutingRules;

/** The LGSP client's parts wired by hand against a {@link PlatformStub}, as its unit tests use them. */
final class LgspFixture {

    static final String TOKEN = "/base/token";
    static final String SYNC = "/base/Document/SyncDocument";
    static final String TRACES = "/base/Document/UpdateDocumentTraces";
    static final String CLIENT_ID = "hcc-lgsp";
    static final String CLIENT_SECRET = "s3cr3t:with&odd=chars";

    final LgspProperties settings = new LgspProperties();

    LgspFixture(PlatformStub platform) {
        settings.setBaseUrl(platform.baseUrl());
        settings.setClientId(CLIENT_ID);
        settings.setClientSecret(CLIENT_SECRET);
        settings.setConnectTimeout(Duration.ofSeconds(2));
        settings.setRequestTimeout(Duration.ofSeconds(2));
    }

    LgspEndpoint endpoint() {
        return new LgspEndpoint(settings, sandbox(), null, routedToLgsp());
    }

    LgspTokens tokens(Clock clock) {
        return new LgspTokens(settings, endpoint(), new LgspHttp(settings, new ObjectMapper()), clock);
    }

    LgspClient client(LgspTokens tokens) {
        return new LgspClient(settings, endpoint(), tokens, new LgspHttp(settings, new ObjectMapper()),
                new ObjectMapper());
    }

    static MockEnvironment sandbox() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("sandbox");
        return environment;
    }

    static RoutingRules routedToLgsp() {
        RoutingProperties properties = new RoutingProperties();
        RoutingProperties.Rule rule = new RoutingProperties.Rule();
        rule.setProcedureCodes(List.of("*"));
        properties.setDestinations(Map.of("DVCQG", List.of(rule), "LGSP", List.of(rule)));
        return new RoutingRules(properties);
    }

    static Canned token(String value, long expiresIn) {
        return new Canned(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn + ",\"scope\":\"default\"}");
    }

    static Canned ok() {
        return new Canned(200, "{\"ErrorCode\":\"0\",\"ErrorDesc\":\"Thanh cong\"}");
    }
}
