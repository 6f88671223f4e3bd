package vn.lienthong.gateway;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Resolves a configured endpoint: an absolute URL as it is, a path alone on this gateway's own HTTP port (known only
 * once the web server runs), as the sandbox points at its built-in simulators.
 */
public class EndpointUrl implements Supplier<URI> {

    private final String configured;
    private final String what;
    private final ApplicationContext context;
    private volatile URI resolved;

    /** {@code what} names the endpoint in error messages, e.g. "the TSA". */
    public EndpointUrl(String configured, String what, ApplicationContext context) {
        this.configured = configured;
        this.what = what;
        this.context = context;
        if (!configured.startsWith("/")) {
            resolved = URI.create(configured);
        }
    }

    /** Whether the configured value is a path on this gateway rather than an absolute URL. */
    public boolean onThisGateway() {
        return configured.startsWith("/");
    }

    /** The URL; fails with a message while a path on this gateway cannot be resolved yet. */
    @Override
    public URI get() {
        URI url = resolved;
        if (url == null) {
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                    || web.getWebServer().getPort() <= 0) {
                throw new IllegalStateException(what + " at " + configured + " on this gateway cannot be reached "
                        + "before its web server runs");
            }
            url = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + configured);
            resolved = url;
        }
        return url;
    }
}
