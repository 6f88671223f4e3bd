package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool in a test and keeps its exit code and output (stdout and stderr together). */
record ToolRun(int exitCode, String output) {

    static ToolRun run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "tool", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished within a minute", command).isTrue();
        return new ToolRun(process.exitValue(), Files.readString(log));
    }

    boolean succeeded() {
        return exitCode == 0;
    }
}
