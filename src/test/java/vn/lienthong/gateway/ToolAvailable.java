package vn.lienthong.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link RequiresTool} tests only where the tool answers; elsewhere they are skipped with a message, or fail when
 * {@code LIENTHONG_REQUIRE_TOOLS} (a comma-separated list, set by {@code .ci/run}) names the tool.
 */
public class ToolAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<RequiresTool> tools = context.getElement()
                .map(element -> AnnotationSupport.findRepeatableAnnotations(element, RequiresTool.class))
                .orElse(List.of());
        for (RequiresTool tool : tools) {
            String name = tool.value();
            if (answers(name, tool.probe())) {
                continue;
            }
            String reason = name + " is not installed here: the tests that run it are skipped";
            if (required(name)) {
                throw new IllegalStateException(reason + ", but LIENTHONG_REQUIRE_TOOLS=" + System.getenv(
                        "LIENTHONG_REQUIRE_TOOLS") + " requires them (apt-get install -y " + name + ")");
            }
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled(tools.isEmpty() ? "no tool required" : "the tools are installed");
    }

    private static boolean required(String name) {
        String required = System.getenv("LIENTHONG_REQUIRE_TOOLS");
        return required != null && Arrays.stream(required.split(",")).map(String::strip).anyMatch(name::equals);
    }

    private static boolean answers(String name, String probe) {
        if (probe.isEmpty()) {
            return onPath(name);
        }
        try {
            Process process = new ProcessBuilder(name, probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String name) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).anyMatch(Files::isExecutable);
    }
}
