package vn.lienthong.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests only where a server answers at {@link #URL}; elsewhere they are skipped with a message, or
 * fail when {@code LIENTHONG_REQUIRE_POSTGRES=true} (as {@code .ci/run} sets where PostgreSQL is installed).
 */
public class PostgresAvailable implements ExecutionCondition {

    public static final String URL = env("LIENTHONG_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("LIENTHONG_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("LIENTHONG_TEST_POSTGRES_PASSWORD", "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): PostgreSQL tests skipped";
            if (Boolean.parseBoolean(System.getenv("LIENTHONG_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(reason + ", but LIENTHONG_REQUIRE_POSTGRES=true requires them", e);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    public static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
