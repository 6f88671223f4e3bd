package vn.lienthong.gateway.messagelog;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Resolves {@code lienthong.log.tsa.url}: an absolute URL as it is, a path alone on this gateway's own HTTP port
 * (known only once the web server runs), as the sandbox points at its built-in TSA.
 */
public class TsaEndpoint implements Supplier<URI> {

    private final String configured;
    private final ApplicationContext context;
    private volatile URI resolved;

    public TsaEndpoint(String configured, ApplicationContext context) {
        this.configured = configured;
        this.context = context;
        if (!configured.startsWith("/")) {
            resolved = URI.create(configured);
        }
    }

    /** The TSA's URL; fails with a message while the path of a local TSA cannot be resolved yet. */
    @Override
    public URI get() {
        URI url = resolved;
        if (url == null) {
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                    || web.getWebServer().getPort() <= 0) {
                throw new IllegalStateException("the TSA at " + configured + " on this gateway cannot be reached "
                        + "before its web server runs");
            }
            url = URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + configured);
            resolved = url;
        }
        return url;
    }
}
