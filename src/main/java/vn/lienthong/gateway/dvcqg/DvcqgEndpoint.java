package vn.lienthong.gateway.dvcqg;

import java.net.URI;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Resolves the DVCQG base URL: the configured one, or in the sandbox the built-in simulator on this gateway's port. */
@Component
class DvcqgEndpoint {

    static final String SIMULATOR_PATH = "/sim/dvcqg";

    private final String configured;
    private final ApplicationContext context;
    private volatile URI resolved;

    DvcqgEndpoint(DvcqgProperties properties, Environment environment, ApplicationContext context) {
        this.configured = properties.getBaseUrl() == null ? "" : properties.getBaseUrl().strip();
        this.context = context;
        if (configured.isEmpty() && !environment.acceptsProfiles(Profiles.of("sandbox"))) {
            throw new IllegalStateException("Setting lienthong.dvcqg.base-url is empty; outside the sandbox profile it "
                    + "must name the DVCQG integration endpoint.");
        }
        if (!configured.isEmpty()) {
            resolved = withoutTrailingSlash(URI.create(configured));
        }
    }

    /** The URL of one platform operation, e.g. {@code login} or {@code service}. */
    URI operation(String name) {
        return URI.create(base() + "/" + name);
    }

    private URI base() {
        URI base = resolved;
        if (base == null) {
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
                throw new IllegalStateException("The sandbox DVCQG simulator needs the web server to be running");
            }
            base = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + SIMULATOR_PATH);
            resolved = base;
        }
        return base;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
