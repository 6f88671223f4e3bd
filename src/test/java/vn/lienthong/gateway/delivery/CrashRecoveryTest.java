package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.lienthong.gateway.DvcqgSimulatorProbe;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.LienThongGatewayApplication;
import vn.lienthong.gateway.Samples;

/**
 * Issue 3: a gateway killed with SIGKILL while 2,000 dossiers are in flight to a slowed platform delivers, after a
 * restart on the same data folder, every message it answered 202, and the platform takes each dossier once.
 * <p>
 * This JVM plays the platform: a whole sandbox application whose DVCQG simulator receives (its own gateway part stays
 * idle). The gateway under test runs as a child JVM on the same classpath, pointed at that simulator, so that it can be
 * killed for real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lienthong.data-dir=target/test-data/${random.uuid}"})
class CrashRecoveryTest {

    static final int DOSSIERS = 2000;
    static final int CLIENT_THREADS = 8;
    /** Kill once the platform holds at least this many of the dossiers. */
    static final int KILL_AFTER_RECEIVED = 200;
    static final String CODE_FORMAT = "000.00.17.H56-241231-%04d";
    static final int FIRST_CODE = 5000;
    /**
     * Every wait of the test together (two gateway starts, 2,000 posts, the deliveries; about 100 s on a quiet 2-core
     * machine, 160 s on a loaded one); JUnit's timeout of 5 minutes is only a backstop.
     */
    static final Duration OVERALL = Duration.ofSeconds(240);
    /** Once the platform holds every dossier, how long the gateway may take to have marked them all DELIVERED. */
    static final Duration MARKED_DELIVERED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int simulatorPort;

    DvcqgSimulatorProbe simulator;
    Http simulatorHttp;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<ChildGateway> children = new ArrayList<>();
    ExecutorService pool;
    Path runDir;
    Instant deadline;

    @BeforeEach
    void setUp() throws IOException {
        simulatorHttp = new Http(simulatorPort);
        simulator = new DvcqgSimulatorProbe(simulatorHttp);
        simulator.reset();
        runDir = Path.of("target", "crash-recovery", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(runDir);
        pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        deadline = Instant.now().plus(OVERALL);
    }

    @AfterEach
    void tearDown() {
        children.forEach(ChildGateway::kill);
        pool.shutdownNow();
        simulator.reset();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcceptedDossierReachesThePlatformOnceAfterKillMinusNine() throws Exception {
        simulator.faults("{\"delayMs\":20}");
        Path dataDir = runDir.resolve("data");

        ChildGateway first = start(dataDir, 1);
        awaitReady(first);

        Map<String, String> accepted = submitDossiers(first);
        Set<String> codes = new HashSet<>(accepted.values());
        assertThat(accepted).as("every dossier answered 202 with a message id").hasSize(DOSSIERS);
        assertThat(codes).hasSize(DOSSIERS);

        await("the platform receives some of the dossiers").atMost(left()).pollInterval(Duration.ofMillis(100))
                .until(() -> receivedFor(codes).size() >= KILL_AFTER_RECEIVED);
        first.kill();
        Instant killedAt = Instant.now();
        int receivedAtKill = receivedFor(codes).size();
        System.out.printf("crash test: killed the gateway (SIGKILL) with %d of %d dossiers at the platform%n",
                receivedAtKill, DOSSIERS);
        assertThat(receivedAtKill).as("dossiers still undelivered at kill time").isLessThan(DOSSIERS);

        Instant restartedAt = Instant.now();
        ChildGateway second = start(dataDir, 2);
        awaitReady(second);
        Duration toReady = Duration.between(restartedAt, Instant.now());

        await("the platform holds every accepted dossier").atMost(left()).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(missing(codes, receivedFor(codes))).as(
                        "dossier codes accepted (202) but not at the platform; gateway log %s", second.log).isEmpty());
        JsonNode received = simulator.received();
        List<Received> records = receivedFor(codes, received);
        Instant firstAfterRestart = records.stream().map(Received::at).filter(at -> at.isAfter(restartedAt))
                .min(Instant::compareTo).orElse(null);
        int duplicates = received.path("duplicates").asInt();
        System.out.printf("crash test: restart to ready %d ms; restart to first new delivery %s; "
                        + "simulator duplicates counter %d (redeliveries it recognised by Idempotency-Key)%n",
                toReady.toMillis(),
                firstAfterRestart == null ? "none" : Duration.between(restartedAt, firstAfterRestart).toMillis() + " ms",
                duplicates);

        Map<String, Long> perCode = records.stream().collect(Collectors.groupingBy(Received::dossierCode,
                TreeMap::new, Collectors.counting()));
        assertThat(perCode.entrySet().stream().filter(e -> e.getValue() != 1).toList())
                .as("dossier codes the platform took more than once (duplicate effects)").isEmpty();
        assertThat(perCode.keySet()).containsExactlyInAnyOrderElementsOf(codes);

        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(accepted.keySet());
        Duration within = left().compareTo(MARKED_DELIVERED_WITHIN) < 0 ? left() : MARKED_DELIVERED_WITHIN;
        try {
            await("every accepted message DELIVERED in the gateway").atMost(within).pollInterval(Duration.ofMillis(500))
                    .until(() -> notDelivered(second, waiting).isEmpty());
        } catch (ConditionTimeoutException e) {
            Map<String, Received> byKey = records.stream()
                    .collect(Collectors.toMap(Received::idempotencyKey, r -> r, (a, b) -> a));
            Map<String, String> stuck = notDelivered(second, waiting);
            Map<String, Long> kinds = stuck.values().stream().collect(Collectors.groupingBy(
                    CrashRecoveryTest::kindOf, TreeMap::new, Collectors.counting()));
            fail("%d messages answered 202 and received by the platform are not DELIVERED in the gateway %s after "
                            + "the platform held them all (%s; killed at %s, restarted at %s; simulator duplicates "
                            + "counter now %d; gateway logs %s):%n%s",
                    stuck.size(), within, kinds, killedAt, restartedAt, simulator.duplicates(), runDir,
                    stuck.entrySet().stream().limit(20)
                            .map(m -> describe(m.getKey(), m.getValue(), accepted.get(m.getKey()), byKey, killedAt))
                            .collect(Collectors.joining("\n")));
        }
    }

    /** "404" for a message the gateway does not know, else its state and how many attempts it recorded. */
    private static String kindOf(String gatewayAnswer) {
        if (!gatewayAnswer.startsWith("200 ")) {
            return gatewayAnswer.substring(0, 3);
        }
        try {
            JsonNode message = Samples.JSON.readTree(gatewayAnswer.substring(4));
            return message.path("state").asText() + " with " + message.path("attempts").size() + " attempts";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String describe(String messageId, String gatewayAnswer, String code, Map<String, Received> byKey,
                                   Instant killedAt) {
        Received at = byKey.get(messageId);
        String platform = at == null ? "the platform has no record with this Idempotency-Key"
                : "the platform received it at " + at.at() + " ("
                + Math.abs(Duration.between(at.at(), killedAt).toMillis()) + " ms "
                + (at.at().isBefore(killedAt) ? "before" : "after") + " the kill)";
        return "  " + messageId + " " + code + ": " + platform + "; the gateway answers " + gatewayAnswer;
    }

    /** Posts the dossiers from several client threads over keep-alive connections; message id → dossier code of each 202. */
    private Map<String, String> submitDossiers(ChildGateway gateway) throws Exception {
        ObjectNode sample = Samples.dossier();
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Map<String, String> refused = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Instant started = Instant.now();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < DOSSIERS; i = next.getAndIncrement()) {
                    String code = String.format(CODE_FORMAT, FIRST_CODE + i);
                    ObjectNode dossier = sample.deepCopy().put("dossierCode", code);
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.uri("/api/v1/dossiers"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("X-API-Key", Http.AGENCY_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(Samples.JSON.writeValueAsString(dossier),
                                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        accepted.put(Samples.JSON.readTree(response.body()).path("messageId").asText(), code);
                    } else {
                        refused.put(code, response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(left().toMillis(), TimeUnit.MILLISECONDS);
        }
        System.out.printf("crash test: %d dossiers posted from %d threads in %d ms%n", DOSSIERS, CLIENT_THREADS,
                Duration.between(started, Instant.now()).toMillis());
        assertThat(refused).as("dossiers not answered 202").isEmpty();
        return accepted;
    }

    /** Message id → state (with attempts) of each waiting message that is not DELIVERED; delivered ones leave the set. */
    private Map<String, String> notDelivered(ChildGateway gateway, Set<String> waiting) throws Exception {
        Map<String, String> states = new ConcurrentHashMap<>();
        List<Future<?>> checks = new ArrayList<>();
        List<String> ids = List.copyOf(waiting);
        int slice = (ids.size() + CLIENT_THREADS - 1) / CLIENT_THREADS;
        for (int from = 0; from < ids.size(); from += slice) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + slice));
            checks.add(pool.submit(() -> {
                for (String id : part) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.uri("/api/v1/messages/" + id))
                            .timeout(Duration.ofSeconds(30)).header("X-API-Key", Http.AGENCY_KEY).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode message = response.statusCode() == 200 ? Samples.JSON.readTree(response.body()) : null;
                    if (message != null && "DELIVERED".equals(message.path("state").asText())) {
                        waiting.remove(id);
                    } else {
                        states.put(id, response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> check : checks) {
            check.get(left().toMillis(), TimeUnit.MILLISECONDS);
        }
        return new TreeMap<>(states);
    }

    /** One record the simulator holds: its dossier code and when it arrived. */
    record Received(String dossierCode, Instant at, String idempotencyKey) {
    }

    private List<Received> receivedFor(Set<String> codes) {
        return receivedFor(codes, simulator.received());
    }

    private static List<Received> receivedFor(Set<String> codes, JsonNode received) {
        List<Received> found = new ArrayList<>();
        for (JsonNode entry : received.path("records")) {
            String code = entry.path("record").path("MaHoSo").asText();
            if (codes.contains(code)) {
                found.add(new Received(code, OffsetDateTime.parse(entry.path("receivedAt").asText()).toInstant(),
                        entry.path("idempotencyKey").asText()));
            }
        }
        return found;
    }

    private static List<String> missing(Collection<String> codes, List<Received> records) {
        Set<String> present = records.stream().map(Received::dossierCode).collect(Collectors.toSet());
        return codes.stream().filter(c -> !present.contains(c)).sorted().limit(20).toList();
    }

    private Duration left() {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new AssertionError("the crash test ran out of its " + OVERALL + " budget");
        }
        return left;
    }

    private ChildGateway start(Path dataDir, int run) throws IOException {
        ChildGateway child = ChildGateway.start(freePort(), dataDir, simulatorPort, runDir.resolve("gateway-" + run + ".log"));
        children.add(child);
        return child;
    }

    private void awaitReady(ChildGateway child) {
        await("gateway " + child.port + " ready").atMost(left()).pollInterval(Duration.ofMillis(50))
                .until(child::ready);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The gateway under test in its own JVM, started with this JVM's {@code java} and classpath. */
    static final class ChildGateway {

        final int port;
        final Path log;
        final Process process;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private ChildGateway(int port, Path log, Process process) {
            this.port = port;
            this.log = log;
            this.process = process;
        }

        static ChildGateway start(int port, Path dataDir, int simulatorPort, Path log) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Surefire starts its fork from a manifest-only booter jar but sets java.class.path to the whole test
            // classpath (target/test-classes, target/classes, the dependencies), so the child can use it as it is.
            String classpath = System.getProperty("java.class.path");
            List<String> command = List.of(java, "-cp", classpath, LienThongGatewayApplication.class.getName(),
                    "--server.port=" + port,
                    "--lienthong.data-dir=" + dataDir,
                    "--lienthong.dvcqg.base-url=http://127.0.0.1:" + simulatorPort + "/sim/dvcqg",
                    "--lienthong.delivery.initial-delay=200ms",
                    "--lienthong.delivery.max-delay=1s",
                    "--logging.level.root=WARN");
            Process process = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("user.dir")).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            // should this JVM end before @AfterEach ran, the child must not outlive it
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ChildGateway(port, log, process);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        boolean ready() throws IOException {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** SIGKILL on Linux; returns once the process is gone. */
        void kill() {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the gateway " + process.pid() + " did not exit after SIGKILL", e);
            }
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
