package vn.lienthong.gateway.lgsp;

import java.net.URI;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.chain.ChainProperties;
import vn.lienthong.gateway.delivery.RoutingRules;

/**
 * Resolves the LGSP URLs (services and token endpoint): the configured ones, or in the sandbox the built-in simulator
 * on this gateway's port; refuses to start when the routing rules send dossiers to LGSP, or chains are configured
 * (their legs go over LGSP), without a usable account.
 */
@Component
class LgspEndpoint {

    static final String SIMULATOR_PATH = "/sim/lgsp";
    static final String DESTINATION = "LGSP";
    /** The sandbox's client secret, which must never reach a real platform. */
    static final String SANDBOX_SECRET = "sandbox-lgsp-secret";

    private final LgspProperties settings;
    private final ApplicationContext context;
    private volatile URI base;

    LgspEndpoint(LgspProperties settings, Environment environment, ApplicationContext context, RoutingRules routing) {
        this(settings, environment, context, routing, new ChainProperties());
    }

    @Autowired
    LgspEndpoint(LgspProperties settings, Environment environment, ApplicationContext context, RoutingRules routing,
                 ChainProperties chains) {
        this.settings = settings;
        this.context = context;
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        String configured = settings.getBaseUrl() == null ? "" : settings.getBaseUrl().strip();
        if (routing.routesTo(DESTINATION) || !chains.getChains().isEmpty()) {
            requireAccount(settings, sandbox, configured);
        }
        if (!configured.isEmpty()) {
            base = URI.create(withoutTrailingSlash(configured));
        }
    }

    /** The URL of a service path such as {@code /Document/SyncDocument}. */
    URI service(String path) {
        return URI.create(base() + path);
    }

    /** The token endpoint. */
    URI token() {
        String tokenUrl = settings.getTokenUrl() == null ? "" : settings.getTokenUrl().strip();
        return tokenUrl.isEmpty() ? URI.create(base() + "/token") : URI.create(tokenUrl);
    }

    private URI base() {
        URI resolved = base;
        if (resolved == null) {
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
                throw new IllegalStateException("The sandbox LGSP simulator needs the web server to be running");
            }
            resolved = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + SIMULATOR_PATH);
            base = resolved;
        }
        return resolved;
    }

    private static void requireAccount(LgspProperties settings, boolean sandbox, String baseUrl) {
        if (baseUrl.isEmpty() && !sandbox) {
            throw new IllegalStateException("Setting lienthong.lgsp.base-url is empty, but lienthong.routing sends "
                    + "dossiers to LGSP; outside the sandbox profile it must name the LGSP services' base URL.");
        }
        if (isBlank(settings.getClientId()) || isBlank(settings.getClientSecret())) {
            throw new IllegalStateException("Settings lienthong.lgsp.client-id and lienthong.lgsp.client-secret are "
                    + "required, because lienthong.routing sends dossiers to LGSP.");
        }
        if (!sandbox && SANDBOX_SECRET.equals(settings.getClientSecret())) {
            throw new IllegalStateException("Setting lienthong.lgsp.client-secret is the sandbox's; outside the sandbox "
                    + "profile set the secret the province's LGSP issued to this gateway.");
        }
        if (!sandbox) {
            for (String url : new String[] {baseUrl, settings.getTokenUrl()}) {
                if (!isBlank(url) && !url.strip().startsWith("https://")) {
                    throw new IllegalStateException("Setting lienthong.lgsp.base-url / token-url must be an https:// "
                            + "URL outside the sandbox profile: the client secret and the tokens must not travel in "
                            + "clear text.");
                }
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
