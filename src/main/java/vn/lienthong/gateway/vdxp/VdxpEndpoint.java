package vn.lienthong.gateway.vdxp;

import java.net.URI;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Resolves the VDXP adapter's base URL: the configured one, or in the sandbox the simulator on this gateway's port. */
@Component
class VdxpEndpoint {

    static final String SIMULATOR_PATH = "/sim/vdxp";

    private final ApplicationContext context;
    private volatile URI resolved;

    VdxpEndpoint(VdxpAxisProperties properties, Environment environment, ApplicationContext context) {
        String configured = properties.getBaseUrl() == null ? "" : properties.getBaseUrl().strip();
        this.context = context;
        if (configured.isEmpty() && !environment.acceptsProfiles(Profiles.of("sandbox"))) {
            throw new IllegalStateException("Setting lienthong.vdxp.base-url is empty; outside the sandbox profile it "
                    + "must name the VDXP adapter.");
        }
        if (!configured.isEmpty()) {
            URI uri = URI.create(configured.endsWith("/") ? configured.substring(0, configured.length() - 1)
                    : configured);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalStateException("Setting lienthong.vdxp.base-url must be an http(s) URL");
            }
            resolved = uri;
        }
    }

    /** The URL of one adapter operation, e.g. {@code sendEdoc}. */
    URI operation(VdxpOperation operation) {
        return URI.create(base() + "/" + operation.path());
    }

    private URI base() {
        URI base = resolved;
        if (base == null) {
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
                throw new IllegalStateException("The sandbox VDXP simulator needs the web server to be running");
            }
            base = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + SIMULATOR_PATH);
            resolved = base;
        }
        return base;
    }
}
