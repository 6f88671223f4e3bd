package vn.lienthong.gateway.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The gateway half of {@code bench/run.sh}: sends dossiers to a running gateway whose DVCQG destination is a
 * {@link BenchPlatform} in another JVM, waits until the platform has every accepted dossier, and writes what it saw as
 * JSON: per phase (warm-up, an offered rate, as fast as the clients go) accepted/s, delivered/s, ack latency,
 * accept-to-delivered latency, lost and duplicated records, and CPU seconds of the gateway, the platform and itself;
 * for the whole run the gateway's peak heap (read every 250 ms by jstat) and peak RSS. Options are {@code --name=value}; see
 * {@code bench/run.sh}.
 */
public final class DeliveryThroughputBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> options;
    private final String gateway;
    private final String platform;
    private final BenchDossiers dossiers;
    private final boolean idempotency;
    private final ProcessProbe gatewayProcess;
    private final ProcessProbe platformProcess;
    private final Duration drainTimeout;
    private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Instant> acceptedAt = new HashMap<>();
    private int acceptedSoFar;

    private DeliveryThroughputBench(Map<String, String> options) throws IOException {
        this.options = options;
        this.gateway = required("gateway");
        this.platform = required("platform");
        this.dossiers = BenchDossiers.of(Path.of("samples/dossier.json"), integer("payload-bytes", 0));
        this.idempotency = Boolean.parseBoolean(options.getOrDefault("idempotency", "true"));
        int ticks = integer("clock-ticks", 100);
        this.gatewayProcess = new ProcessProbe(Long.parseLong(required("gateway-pid")), ticks);
        this.platformProcess = new ProcessProbe(Long.parseLong(required("platform-pid")), ticks);
        this.drainTimeout = Duration.ofSeconds(integer("drain-timeout", 60));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new DeliveryThroughputBench(options).run();
    }

    private void run() throws Exception {
        int clients = integer("clients", 8);
        ObjectNode result = JSON.createObjectNode();
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("loadAverageAtStart", ProcessProbe.loadAverage());
        result.put("payloadBytes", dossiers.bytes());
        result.put("idempotencyKeys", idempotency);
        ArrayNode phases = result.putArray("phases");
        GatewayMetrics metrics = new GatewayMetrics(gateway);
        try (HeapPeak heap = new HeapPeak(Long.parseLong(required("gateway-pid")))) {
            int warmUp = integer("warm-up", 1000);
            if (warmUp > 0) {
                phases.add(phase("warm-up", warmUp, clients, 0, null));
            }
            int offeredRate = integer("offered-rate", 0);
            int offeredDossiers = integer("offered-dossiers", 0);
            if (offeredRate > 0 && offeredDossiers > 0) {
                phases.add(phase("offered " + offeredRate + "/s", offeredDossiers, clients, offeredRate, null));
            }
            int n = integer("dossiers", 20_000);
            if (n > 0) {
                phases.add(phase("throughput", n, clients, 0, options.get("jfr")));
            }
            String exposition = metrics.scrape();
            ObjectNode gatewayFigures = result.putObject("gateway");
            gatewayFigures.put("peakHeapMiB", round(heap.peakMiB()));
            gatewayFigures.put("heapAtEndMiB", round(heap.lastMiB()));
            gatewayFigures.put("peakRssMiB", round(gatewayProcess.peakRssMiB()));
            gatewayFigures.put("rssAtEndMiB", round(gatewayProcess.rssMiB()));
            gatewayFigures.put("gcPauses", (long) GatewayMetrics.sum(exposition, "jvm_gc_pause_seconds_count", ""));
            gatewayFigures.put("gcPauseSeconds", round(GatewayMetrics.sum(exposition, "jvm_gc_pause_seconds_sum", "")));
            gatewayFigures.put("delivered", (long) GatewayMetrics.sum(exposition, "lienthong_messages_delivered_total", ""));
            gatewayFigures.put("failedAttempts", (long) GatewayMetrics.sum(exposition, "lienthong_messages_failed_total", ""));
            gatewayFigures.put("deadLettered",
                    (long) GatewayMetrics.sum(exposition, "lienthong_messages_dead_lettered_total", ""));
        }
        result.set("platform", platformCounts());
        result.put("loadAverageAtEnd", ProcessProbe.loadAverage());
        JSON.writeValue(Path.of(required("out")).toFile(), result);
    }

    /** Sends {@code count} dossiers, waits until the platform has them all (or gives up), and measures the phase. */
    private ObjectNode phase(String name, int count, int clients, int offeredRate, String jfr) throws Exception {
        System.out.printf("%s: %,d dossiers from %d clients%s%n", name, count, clients,
                offeredRate > 0 ? " offered at " + offeredRate + "/s" : ", each sending when answered");
        if (jfr != null) {
            jcmd("JFR.start", "name=bench", "settings=profile");
        }
        double gatewayCpu0 = gatewayProcess.cpuSeconds();
        Map<String, Double> gatewayThreads0 = gatewayProcess.cpuSecondsByKind();
        double platformCpu0 = platformProcess.cpuSeconds();
        double ownCpu0 = ownCpuSeconds();
        Instant start = Instant.now();
        ConcurrentRequests.Round round = ConcurrentRequests.measure(name, clients, count, offeredRate,
                DeliveryThroughputBench::client, this::request, 202);
        List<String> codes = new ArrayList<>();
        for (ConcurrentRequests.Answer answer : round.answers()) {
            String code = BenchDossiers.code(answer.number());
            codes.add(code);
            acceptedAt.put(code, answer.answeredAt());
        }
        acceptedSoFar += codes.size();
        waitForPlatform(acceptedSoFar);
        double gatewayCpu = gatewayProcess.cpuSeconds() - gatewayCpu0;
        Map<String, Double> gatewayThreads = gatewayProcess.cpuSecondsByKind();
        double platformCpu = platformProcess.cpuSeconds() - platformCpu0;
        double ownCpu = ownCpuSeconds() - ownCpu0;
        if (jfr != null) {
            jcmd("JFR.dump", "name=bench", "filename=" + Path.of(jfr).toAbsolutePath());
            jcmd("JFR.stop", "name=bench");
        }
        Map<String, long[]> received = received();

        ObjectNode phase = JSON.createObjectNode();
        phase.put("name", name);
        phase.put("clients", clients);
        if (offeredRate > 0) {
            phase.put("offeredPerSecond", offeredRate);
        }
        phase.put("accepted", codes.size());
        phase.put("acceptSeconds", round(round.seconds()));
        phase.put("acceptedPerSecond", round(codes.size() / round.seconds()));
        phase.set("ackLatencyMs", percentiles(round.sortedLatencies(), 1e6));
        List<Long> toDelivered = new ArrayList<>();
        long lastMicros = 0;
        int lost = 0;
        int duplicates = 0;
        for (String code : codes) {
            long[] receipt = received.get(code);
            if (receipt == null) {
                lost++;
                continue;
            }
            duplicates += (int) receipt[1] - 1;
            lastMicros = Math.max(lastMicros, receipt[0]);
            toDelivered.add(receipt[0] - ChronoUnit.MICROS.between(Instant.EPOCH, acceptedAt.get(code)));
        }
        Collections.sort(toDelivered);
        int delivered = codes.size() - lost;
        double deliverySeconds = (lastMicros - ChronoUnit.MICROS.between(Instant.EPOCH, start)) / 1e6;
        phase.put("delivered", delivered);
        phase.put("deliverySeconds", round(deliverySeconds));
        phase.put("deliveredPerSecond", delivered == 0 ? 0 : round(delivered / deliverySeconds));
        phase.set("acceptToDeliveredMs", percentiles(toDelivered, 1e3));
        phase.put("lost", lost);
        phase.put("duplicateRecords", duplicates);
        phase.put("gatewayCpuSeconds", round(gatewayCpu));
        phase.put("gatewayCpuMsPerDossier", codes.isEmpty() ? 0 : round(gatewayCpu * 1000 / codes.size()));
        phase.put("gatewayJitCpuSeconds", round(gatewayThreads.get("jit") - gatewayThreads0.get("jit")));
        phase.put("gatewayGcCpuSeconds", round(gatewayThreads.get("gc") - gatewayThreads0.get("gc")));
        phase.put("platformCpuSeconds", round(platformCpu));
        phase.put("loadGeneratorCpuSeconds", round(ownCpu));
        if (jfr != null) {
            phase.put("jfr", jfr);
        }
        System.out.printf("%s: %,d accepted at %,.0f/s, %,d delivered at %,.0f/s, %d lost%n", name, codes.size(),
                codes.size() / round.seconds(), delivered, delivered == 0 ? 0 : delivered / deliverySeconds, lost);
        return phase;
    }

    private HttpRequest request(int n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", "sandbox-agency-key")
                .POST(HttpRequest.BodyPublishers.ofString(dossiers.json(n)));
        if (idempotency) {
            request.header("Idempotency-Key", "bench-" + n);
        }
        return request.build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Waits until the platform holds {@code codes} dossier codes, or until it got none for the drain timeout. */
    private void waitForPlatform(int codes) throws Exception {
        long seen = -1;
        while (seen < codes) {
            long before = seen;
            AtomicLong now = new AtomicLong();
            try {
                await().atMost(drainTimeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                    now.set(platformCounts().get("codes").asLong());
                    return now.get() > before;
                });
            } catch (ConditionTimeoutException stalled) {
                System.out.printf("the platform got no record for %s; %,d of %,d there%n", drainTimeout, now.get(),
                        codes);
                return;
            }
            seen = now.get();
        }
    }

    private JsonNode platformCounts() throws IOException, InterruptedException {
        return JSON.readTree(control.send(HttpRequest.newBuilder(URI.create(platform + "/bench/counts")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Every dossier code the platform holds: first arrival (epoch microseconds) and number of records. */
    private Map<String, long[]> received() throws IOException, InterruptedException {
        String lines = control.send(HttpRequest.newBuilder(URI.create(platform + "/bench/received")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, long[]> received = new HashMap<>();
        for (String line : lines.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                received.put(fields[0], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return received;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", required("gateway-pid")));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed");
        }
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static ObjectNode percentiles(List<Long> sorted, double unitsPerMilli) {
        ObjectNode p = JSON.createObjectNode();
        if (sorted.isEmpty()) {
            return p;
        }
        for (int q : new int[] {50, 95, 99}) {
            int index = Math.max(0, (int) Math.ceil(q / 100.0 * sorted.size()) - 1);
            p.put("p" + q, round(sorted.get(index) / unitsPerMilli));
        }
        p.put("max", round(sorted.get(sorted.size() - 1) / unitsPerMilli));
        return p;
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }

    private int integer(String name, int otherwise) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
