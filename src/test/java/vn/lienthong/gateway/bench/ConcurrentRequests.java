package vn.lienthong.gateway.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One round of a throughput harness: N requests from C keep-alive clients, each with its own HTTP client, every
 * answer checked for the expected status; either as fast as the answers come (closed loop) or at an offered rate
 * (open loop, each latency counted from the time the request was due, so that a stalled server is not hidden).
 */
final class ConcurrentRequests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ConcurrentRequests() {
    }

    /** The sequence number the last request got; the next round's requests get the numbers after it. */
    static int peek() {
        return SEQUENCE.get();
    }

    /** Runs a closed-loop round and prints requests/s, p50 and p99. */
    static void round(String name, int clients, int total, Supplier<HttpClient> clientMaker,
                      IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        Round round = measure(name, clients, total, 0, clientMaker, request, expectedStatus);
        List<Long> all = round.sortedLatencies();
        System.out.printf("%-17s %,6d requests, %d clients: %,8.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", name,
                all.size(), clients, all.size() / round.seconds(), all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6);
    }

    /**
     * Sends {@code total} requests from {@code clients} threads and keeps every answer. With {@code offeredPerSecond}
     * above 0, request i is due at start + i / rate and its latency runs from that time; with 0, each client sends its
     * next request as soon as it has its answer. The number given to {@code request} is unique across all rounds.
     */
    static Round measure(String name, int clients, int total, double offeredPerSecond, Supplier<HttpClient> clientMaker,
                         IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger taken = new AtomicInteger();
        List<Future<List<Answer>>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                HttpClient http = clientMaker.get();
                List<Answer> answers = new ArrayList<>();
                for (int i = taken.getAndIncrement(); i < total; i = taken.getAndIncrement()) {
                    long due = offeredPerSecond > 0 ? start + (long) (i * 1e9 / offeredPerSecond) : System.nanoTime();
                    waitUntil(due);
                    int number = SEQUENCE.incrementAndGet();
                    HttpRequest next = request.apply(number);
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(next, HttpResponse.BodyHandlers.ofString());
                    long done = System.nanoTime();
                    if (answer.statusCode() != expectedStatus) {
                        throw new IllegalStateException(name + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                    answers.add(new Answer(number, due - start, sent - start, done - due, Instant.now(), answer.body()));
                }
                return answers;
            }));
        }
        List<Answer> all = new ArrayList<>();
        try {
            for (Future<List<Answer>> client : running) {
                all.addAll(client.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return new Round(all, (System.nanoTime() - start) / 1e9);
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * One answer: the number its request was made with, when it was due and when it was sent (nanoseconds after the round's start), its latency
     * (from due to answered), the wall-clock time it was answered, and its body.
     */
    record Answer(int number, long dueNanos, long sentNanos, long latencyNanos, Instant answeredAt, String body) {
    }

    /** Every answer of a round and the round's duration. */
    record Round(List<Answer> answers, double seconds) {

        List<Long> sortedLatencies() {
            List<Long> latencies = new ArrayList<>(answers.size());
            answers.forEach(a -> latencies.add(a.latencyNanos()));
            Collections.sort(latencies);
            return latencies;
        }
    }
}
