package vn.lienthong.gateway.localsystem;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One local document system as the gateway reaches it: its base URL, the API key it wants (may be null), its
 * timeouts, its own HTTP client, and the name of its setting for messages.
 */
public final class LocalSystemEndpoint {

    private final Supplier<URI> base;
    private final String apiKey;
    private final Duration requestTimeout;
    private final String setting;
    private final HttpClient http;

    LocalSystemEndpoint(Supplier<URI> base, String apiKey, Duration connectTimeout, Duration requestTimeout,
                        String setting) {
        this.base = base;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.setting = setting;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code {url}/{organId}/{resource}}, e.g. {@code …/000.00.17.H56/documents}. */
    URI resource(String organId, LocalResource resource) {
        return URI.create(base.get() + "/" + organId + "/" + resource.path());
    }

    String apiKey() {
        return apiKey;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    HttpClient http() {
        return http;
    }

    /** The setting this endpoint comes from, e.g. {@code lienthong.vdxp.local-systems[0]}. */
    public String setting() {
        return setting;
    }
}
