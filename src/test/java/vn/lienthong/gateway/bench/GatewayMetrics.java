package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the gateway's {@code /actuator/prometheus} and sums the samples of a metric. */
final class GatewayMetrics {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    GatewayMetrics(String gatewayBase) {
        this.uri = URI.create(gatewayBase + "/actuator/prometheus");
    }

    /** The Prometheus text exposition of the gateway now. */
    String scrape() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of the samples of a metric whose labels contain {@code labelPart} (empty: all). */
    static double sum(String exposition, String metric, String labelPart) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " ")) && line.contains(labelPart)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
