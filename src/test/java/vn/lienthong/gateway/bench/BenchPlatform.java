package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A DVCQG-compatible platform for the benchmark, run in a JVM of its own: {@code POST /dvcqg/login} and
 * {@code POST /dvcqg/service} as the national portal answers them, checking the session, the envelope and the fields
 * each service requires (the {@code required} lists of {@code schemas/dvcqg/}); it keeps, per dossier code, when the
 * first record arrived and how many did, and per idempotency key how often it came, and tells them at
 * {@code GET /bench/counts} (JSON) and {@code GET /bench/received} (one line per code: code, first arrival in epoch
 * microseconds, records). It shares no code with the gateway's DVCQG connector.
 * Usage: {@code BenchPlatform <port> <username> <password>}.
 */
public final class BenchPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RECORDS = 100;
    private static final int MAX_BODY = 16 << 20;

    private final String username;
    private final String password;
    private final Map<String, List<String>> requiredFields;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
    private final Map<String, Receipt> codes = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong duplicateKeys = new AtomicLong();
    private final AtomicLong duplicateCodes = new AtomicLong();

    private BenchPlatform(String username, String password, Map<String, List<String>> requiredFields) {
        this.username = username;
        this.password = password;
        this.requiredFields = requiredFields;
    }

    public static void main(String[] args) throws IOException {
        // without it the JDK server writes headers and body in two packets, and the client's delayed ACK holds
        // every answer back about 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        BenchPlatform platform = new BenchPlatform(args[1], args[2], Map.of(
                "DongBoHoSoMC", required("schemas/dvcqg/DongBoHoSoMC.schema.json"),
                "CapNhatTienDoHoSoMC", required("schemas/dvcqg/CapNhatTienDoHoSoMC.schema.json")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/dvcqg/login", platform::login);
        server.createContext("/dvcqg/service", platform::service);
        server.createContext("/bench/counts", platform::counts);
        server.createContext("/bench/received", platform::received);
        server.start();
        System.out.println("bench platform listening on 127.0.0.1:" + port);
    }

    private static List<String> required(String schema) throws IOException {
        List<String> fields = new ArrayList<>();
        JSON.readTree(Files.readAllBytes(Path.of(schema))).get("required").forEach(f -> fields.add(f.asText()));
        return List.copyOf(fields);
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode request = readObject(exchange);
        if (request == null || !"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 400, answer("-3", "Dữ liệu không hợp lệ"));
            return;
        }
        if (!username.equals(request.path("username").asText(null))
                || !password.equals(request.path("password").asText(null))) {
            reply(exchange, 401, answer("-1", "Tên đăng nhập hoặc mật khẩu không đúng"));
            return;
        }
        String session = UUID.randomUUID().toString();
        sessions.add(session);
        ObjectNode ok = answer("0", "Thành công");
        ok.put("session", session);
        reply(exchange, 200, ok);
    }

    private void service(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        JsonNode request = readObject(exchange);
        if (request == null || !"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, "body must be one JSON object");
            return;
        }
        if (!sessions.contains(request.path("session").asText(""))) {
            reply(exchange, 401, answer("-2", "Phiên đăng nhập không hợp lệ hoặc đã hết hạn"));
            return;
        }
        List<String> required = requiredFields.get(request.path("service").asText(""));
        JsonNode data = request.path("data");
        if (required == null || request.path("madonvi").asText("").isBlank() || !request.path("isUpdating").isBoolean()
                || !data.isArray() || data.isEmpty() || data.size() > MAX_RECORDS) {
            refuse(exchange, "service, madonvi, isUpdating or data missing or wrong");
            return;
        }
        for (JsonNode record : data) {
            for (String field : required) {
                if (!record.isObject() || !record.hasNonNull(field)) {
                    refuse(exchange, "record without " + field);
                    return;
                }
            }
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && keys.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
            duplicateKeys.incrementAndGet();
        }
        for (JsonNode record : data) {
            records.incrementAndGet();
            Receipt first = new Receipt(micros);
            Receipt known = codes.putIfAbsent(record.get("MaHoSo").asText(), first);
            if (known != null && known.count.incrementAndGet() > 1) {
                duplicateCodes.incrementAndGet();
            }
        }
        reply(exchange, 200, answer("0", "Thành công"));
    }

    private void counts(HttpExchange exchange) throws IOException {
        ObjectNode counts = JSON.createObjectNode();
        counts.put("requests", requests.get());
        counts.put("records", records.get());
        counts.put("refused", refused.get());
        counts.put("codes", codes.size());
        counts.put("duplicateCodes", duplicateCodes.get());
        counts.put("idempotencyKeys", keys.size());
        counts.put("duplicateKeys", duplicateKeys.get());
        reply(exchange, 200, counts);
    }

    private void received(HttpExchange exchange) throws IOException {
        StringBuilder lines = new StringBuilder(codes.size() * 48);
        codes.forEach((code, receipt) -> lines.append(code).append('\t').append(receipt.firstMicros).append('\t')
                .append(receipt.count.get()).append('\n'));
        send(exchange, 200, "text/tab-separated-values", lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpExchange exchange, String why) throws IOException {
        refused.incrementAndGet();
        reply(exchange, 400, answer("-3", "Dữ liệu không hợp lệ: " + why));
    }

    private static JsonNode readObject(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode answer(String errorCode, String message) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("error_code", errorCode);
        answer.put("message", message);
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** When the first record of a dossier code arrived (epoch microseconds) and how many came. */
    private static final class Receipt {
        final long firstMicros;
        final AtomicInteger count = new AtomicInteger(1);

        Receipt(long firstMicros) {
            this.firstMicros = firstMicros;
        }
    }
}
