package vn.lienthong.gateway.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One round of a throughput harness: N requests from C keep-alive clients, each with its own HTTP client, every
 * answer checked for the expected status; prints requests/s, p50 and p99.
 */
final class ConcurrentRequests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ConcurrentRequests() {
    }

    /** The sequence number the last request got; the next round's requests get the numbers after it. */
    static int peek() {
        return SEQUENCE.get();
    }

    static void round(String name, int clients, int total, Supplier<HttpClient> clientMaker,
                      IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                HttpClient http = clientMaker.get();
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < total / clients; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = http.send(request.apply(SEQUENCE.incrementAndGet()),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (answer.statusCode() != expectedStatus) {
                        throw new IllegalStateException(name + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> client : running) {
            all.addAll(client.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("%-17s %,6d requests, %d clients: %,8.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", name,
                all.size(), clients, all.size() / seconds, all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6);
    }
}
