package vn.lienthong.gateway.bench;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the results of {@link DeliveryThroughputBench} and {@link RawBrokerBench} of one {@code bench/run.sh} together:
 * prints them, with the ratio of the gateway to the raw broker, and writes them as one JSON file. Options:
 * {@code --gateway=<json> --raw=<json> --out=<json>} and any {@code --setting.<name>=<value>} to record.
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        JsonNode gateway = JSON.readTree(new File(options.get("gateway")));
        JsonNode raw = options.containsKey("raw") ? JSON.readTree(new File(options.get("raw"))) : null;
        ObjectNode report = JSON.createObjectNode();
        ObjectNode settings = report.putObject("settings");
        options.forEach((name, value) -> {
            if (name.startsWith("setting.")) {
                settings.put(name.substring("setting.".length()), value);
            }
        });
        report.set("gateway", gateway);
        if (raw != null) {
            report.set("raw", raw);
        }
        JsonNode throughput = null;
        for (JsonNode phase : gateway.get("phases")) {
            if ("throughput".equals(phase.get("name").asText())) {
                throughput = phase;
            }
        }
        if (throughput != null && raw != null) {
            report.put("gatewayToRaw", Math.round(throughput.get("deliveredPerSecond").asDouble()
                    / raw.get("messagesPerSecond").asDouble() * 1000) / 1000.0);
        }
        JSON.writeValue(new File(options.get("out")), report);
        print(report, settings, gateway, raw, throughput);
    }

    private static void print(ObjectNode report, ObjectNode settings, JsonNode gateway, JsonNode raw,
                              JsonNode throughput) {
        System.out.println();
        System.out.printf("%d CPUs, load average %.2f at the start and %.2f at the end; the load generator and the DVCQG "
                + "platform share this machine with the gateway (their CPU seconds are below)%n",
                gateway.get("cpus").asInt(), gateway.get("loadAverageAtStart").asDouble(),
                gateway.get("loadAverageAtEnd").asDouble());
        System.out.printf("settings: %s; payload %,d bytes%n", settings, gateway.get("payloadBytes").asInt());
        System.out.printf("%-20s %8s %10s %11s %20s %22s %5s %4s%n", "phase", "accepted", "accepted/s",
                "delivered/s", "ack p50/p95/p99 ms", "to-delivered p50/p99 ms", "lost", "dup");
        for (JsonNode phase : gateway.get("phases")) {
            JsonNode ack = phase.get("ackLatencyMs");
            JsonNode toDelivered = phase.get("acceptToDeliveredMs");
            System.out.printf("%-20s %8d %10.0f %11.0f %20s %22s %5d %4d%n", phase.get("name").asText(),
                    phase.get("accepted").asInt(), phase.get("acceptedPerSecond").asDouble(),
                    phase.get("deliveredPerSecond").asDouble(),
                    "%.1f/%.1f/%.1f".formatted(ack.path("p50").asDouble(), ack.path("p95").asDouble(),
                            ack.path("p99").asDouble()),
                    "%.0f/%.0f".formatted(toDelivered.path("p50").asDouble(), toDelivered.path("p99").asDouble()),
                    phase.get("lost").asInt(), phase.get("duplicateRecords").asInt());
        }
        System.out.printf("%-20s %12s %8s %8s %26s %12s %14s%n", "CPU seconds", "gateway", "its JIT", "its GC",
                "gateway ms/dossier (no JIT)", "platform", "load generator");
        for (JsonNode phase : gateway.get("phases")) {
            double cpu = phase.get("gatewayCpuSeconds").asDouble();
            double jit = phase.get("gatewayJitCpuSeconds").asDouble();
            System.out.printf("%-20s %12.1f %8.1f %8.1f %26.2f %12.1f %14.1f%n", phase.get("name").asText(), cpu, jit,
                    phase.get("gatewayGcCpuSeconds").asDouble(),
                    (cpu - jit) * 1000 / Math.max(1, phase.get("accepted").asInt()),
                    phase.get("platformCpuSeconds").asDouble(), phase.get("loadGeneratorCpuSeconds").asDouble());
        }
        JsonNode figures = gateway.get("gateway");
        System.out.printf("gateway: peak heap in use %.0f MiB (jstat every 250 ms), peak RSS %.0f MiB, %d GC pauses (%.2f s); "
                        + "%d delivered, %d failed attempts, %d dead-lettered (its own counters)%n",
                figures.get("peakHeapMiB").asDouble(), figures.get("peakRssMiB").asDouble(),
                figures.get("gcPauses").asInt(), figures.get("gcPauseSeconds").asDouble(),
                figures.get("delivered").asInt(), figures.get("failedAttempts").asInt(),
                figures.get("deadLettered").asInt());
        JsonNode platform = gateway.get("platform");
        System.out.printf("platform: %d records of %d dossier codes, %d duplicate codes, %d duplicate idempotency keys, "
                        + "%d refused%n", platform.get("records").asInt(), platform.get("codes").asInt(),
                platform.get("duplicateCodes").asInt(), platform.get("duplicateKeys").asInt(),
                platform.get("refused").asInt());
        if (raw != null) {
            System.out.printf("raw Artemis, same payloads and journal settings, %d producers, %d consumers: %,.0f "
                            + "messages/s sent and consumed (sends %,.0f/s, send p50 %.2f ms, p99 %.2f ms)%n",
                    raw.get("producers").asInt(), raw.get("consumers").asInt(),
                    raw.get("messagesPerSecond").asDouble(), raw.get("sentPerSecond").asDouble(),
                    raw.get("sendLatencyP50Ms").asDouble(), raw.get("sendLatencyP99Ms").asDouble());
        }
        if (report.has("gatewayToRaw") && throughput != null) {
            System.out.printf("gateway / raw: %.3f (%,.0f dossiers/s delivered against %,.0f messages/s)%n",
                    report.get("gatewayToRaw").asDouble(), throughput.get("deliveredPerSecond").asDouble(),
                    raw.get("messagesPerSecond").asDouble());
        }
    }
}
