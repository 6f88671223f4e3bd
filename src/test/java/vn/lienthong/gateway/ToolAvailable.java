package vn.lienthong.gateway;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
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
        Optional<RequiresTool> tool = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresTool.class));
        if (tool.isEmpty()) {
            return ConditionEvaluationResult.enabled("no tool required");
        }
        String name = tool.get().value();
        if (answers(name, tool.get().probe())) {
            return ConditionEvaluationResult.enabled(name + " is installed");
        }
        String reason = name + " is not installed here: the tests that run it are skipped";
        if (required(name)) {
            throw new IllegalStateException(reason + ", but LIENTHONG_REQUIRE_TOOLS=" + System.getenv(
                    "LIENTHONG_REQUIRE_TOOLS") + " requires them (apt-get install -y " + name + ")");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean required(String name) {
        String required = System.getenv("LIENTHONG_REQUIRE_TOOLS");
        return required != null && Arrays.stream(required.split(",")).map(String::strip).anyMatch(name::equals);
    }

    private static boolean answers(String name, String probe) {
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
}
