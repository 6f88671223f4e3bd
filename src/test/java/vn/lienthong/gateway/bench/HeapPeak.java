package vn.lienthong.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap in use of a JVM while it runs, read every 250 ms by {@code jstat -gc} from the JVM's performance
 * counters (shared memory), so that watching costs the watched JVM nothing: used survivor, eden and old space.
 */
final class HeapPeak implements AutoCloseable {

    private final Process jstat;
    private final AtomicLong peakKiB = new AtomicLong();
    private final AtomicLong lastKiB = new AtomicLong();

    HeapPeak(long pid) throws IOException {
        jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The largest heap in use seen so far, in MiB. */
    double peakMiB() {
        return peakKiB.get() / 1024.0;
    }

    /** The heap in use at the last reading, in MiB. */
    double lastMiB() {
        return lastKiB.get() / 1024.0;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            int s0 = -1;
            int s1 = -1;
            int eden = -1;
            int old = -1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] columns = line.strip().split("\\s+");
                if (columns[0].equals("S0C")) {
                    List<String> names = List.of(columns);
                    s0 = names.indexOf("S0U");
                    s1 = names.indexOf("S1U");
                    eden = names.indexOf("EU");
                    old = names.indexOf("OU");
                } else if (s0 >= 0 && columns.length > old) {
                    long used = (long) (Double.parseDouble(columns[s0]) + Double.parseDouble(columns[s1])
                            + Double.parseDouble(columns[eden]) + Double.parseDouble(columns[old]));
                    lastKiB.set(used);
                    peakKiB.accumulateAndGet(used, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // jstat ended with its JVM, or printed something else; the peak so far stands
        }
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
