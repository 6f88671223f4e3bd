package vn.lienthong.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for a platform in a client's unit tests: it answers each path from its own queue
 * of scripted answers (599 when the script is used up) and records every request.
 */
public final class PlatformStub {

    private final Map<String, Deque<Canned>> script = new ConcurrentHashMap<>();
    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public void stop() {
        release.countDown();
        server.stop(0);
    }

    /** The stub's base URL; scripted paths start with {@code /base}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
    }

    public void reply(String path, Canned... answers) {
        script.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Lets every held answer go. */
    public void release() {
        release.countDown();
    }

    public List<Recorded> requestsTo(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            String path = exchange.getRequestURI().getPath();
            received.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
            Canned answer;
            synchronized (script) {
                Deque<Canned> queue = script.get(path);
                answer = queue == null ? null : queue.poll();
            }
            if (answer == null) {
                answer = new Canned(599, "{\"stub\":\"no scripted answer for " + path + "\"}");
            }
            if (answer.held() && !release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held reply never released");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (e.g. after its request timeout); nothing to answer to
        } finally {
            exchange.close();
        }
    }

    /** One scripted answer; {@code held} makes the stub wait for {@link #release()} (or the test's end) to answer. */
    public record Canned(int status, String body, Map<String, String> headers, boolean held) {

        public Canned(int status, String body) {
            this(status, body, Map.of(), false);
        }

        public Canned(int status, String body, Map<String, String> headers) {
            this(status, body, headers, false);
        }

        public Canned heldUntilReleased() {
            return new Canned(status, body, headers, true);
        }
    }

    /** One request the stub received. */
    public record Recorded(String method, String path, Headers headers, byte[] body) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
