package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums the CPU samples ({@code jdk.ExecutionSample}) of a flight recording of the gateway: the share of each kind of
 * thread (HTTP ingress, delivery workers, broker, message-log sealer, …), the hottest top frames, the package of the
 * top frame, and the gateway's own methods including what they call (each sample counted once per method on its
 * stack). Usage: {@code JfrHotMethods <recording.jfr> [rows]}.
 */
public final class JfrHotMethods {

    private static final String OURS = "vn.lienthong.";

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> topPackages = new HashMap<>();
        Map<String, Integer> ownInclusive = new HashMap<>();
        Map<String, Integer> ownFirst = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedThread thread = event.getThread("sampledThread");
            threads.merge(kindOf(thread == null ? "" : thread.getJavaName()), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            RecordedMethod top = frames.get(0).getMethod();
            topFrames.merge(name(top), 1, Integer::sum);
            topPackages.merge(packageOf(top), 1, Integer::sum);
            Set<String> own = new LinkedHashSet<>();
            String first = null;
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (method.startsWith(OURS)) {
                    own.add(method);
                    first = first == null ? method : first;
                }
            }
            own.forEach(method -> ownInclusive.merge(method, 1, Integer::sum));
            ownFirst.merge(first == null ? "(no gateway method on the stack)" : first, 1, Integer::sum);
        }
        System.out.printf("%,d CPU samples (jdk.ExecutionSample) in %s%n", samples, args[0]);
        print("by kind of thread", threads, samples, rows);
        print("top frames (self)", topFrames, samples, rows);
        print("package of the top frame", topPackages, samples, rows);
        print("nearest gateway method to the top frame (self + the libraries it calls)", ownFirst, samples, rows);
        print("gateway methods, inclusive", ownInclusive, samples, rows);
    }

    /** What a thread does, from its name. */
    static String kindOf(String thread) {
        if (thread.startsWith("http-nio")) {
            return "HTTP ingress (Tomcat)";
        }
        if (thread.startsWith("task-")) {
            return "ingress routes (platform-http on Spring's task executor)";
        }
        if (thread.contains("JmsConsumer")) {
            return "delivery workers (JMS consumers)";
        }
        if (thread.contains("message-log-seal")) {
            return "message-log sealer";
        }
        if (thread.contains("message-log-timestamp")) {
            return "checkpoint timestamper";
        }
        if (thread.contains("ActiveMQ") || thread.contains("activemq") || thread.startsWith("Thread-")) {
            return "broker (Artemis)";
        }
        if (thread.startsWith("HttpClient")) {
            return "outbound HTTP client";
        }
        return "other: " + thread.replaceAll("[0-9]+", "N");
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static String packageOf(RecordedMethod method) {
        String type = method.getType().getName();
        String[] parts = type.split("\\.");
        return parts.length <= 3 ? type.substring(0, Math.max(0, type.lastIndexOf('.')))
                : String.join(".", parts[0], parts[1], parts[2]);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
    }
}
