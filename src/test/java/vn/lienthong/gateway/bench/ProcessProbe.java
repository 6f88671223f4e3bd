package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what Linux tells about a process: CPU time used (in all and by kind of thread), peak and current resident
 * memory, and the load average.
 */
final class ProcessProbe {

    private final long pid;
    private final int clockTicksPerSecond;

    ProcessProbe(long pid, int clockTicksPerSecond) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** User plus system CPU seconds of all the process's threads so far. */
    double cpuSeconds() throws IOException {
        return cpuOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    private double cpuOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state is field 3 of proc(5), utime 14 and stime 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicksPerSecond;
    }

    /**
     * CPU seconds of the process's live threads by kind: {@code jit} (the C1 and C2 compiler threads), {@code gc}
     * (the garbage collector's threads and the VM thread that runs its pauses) and {@code total}; threads are told
     * apart by the name Linux keeps for them (15 characters).
     */
    Map<String, Double> cpuSecondsByKind() throws IOException {
        Map<String, Double> seconds = new HashMap<>(Map.of("jit", 0.0, "gc", 0.0, "total", 0.0));
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                double cpu = cpuOf(stat);
                String kind = name.contains("CompilerThre") ? "jit"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc" : null;
                if (kind != null) {
                    seconds.merge(kind, cpu, Double::sum);
                }
                seconds.merge("total", cpu, Double::sum);
            }
        }
        return seconds;
    }

    /** Peak resident set size (VmHWM) in MiB. */
    double peakRssMiB() throws IOException {
        return statusKiB("VmHWM:") / 1024.0;
    }

    /** Current resident set size (VmRSS) in MiB. */
    double rssMiB() throws IOException {
        return statusKiB("VmRSS:") / 1024.0;
    }

    private long statusKiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

    /** The 1-minute load average of the machine. */
    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
