package vn.lienthong.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs a command-line tool (openssl, xmlsec1): skipped with a message where the tool is not installed,
 * failed instead when {@code LIENTHONG_REQUIRE_TOOLS} names it (as {@code .ci/run} does).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ToolAvailable.class)
@Repeatable(RequiresTool.All.class)
public @interface RequiresTool {

    /** The command, as found on the PATH. */
    String value();

    /** The argument that makes the tool print its version and exit 0; empty: being on the PATH is enough. */
    String probe() default "--version";

    /** Several tools a test needs. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(ToolAvailable.class)
    @interface All {
        RequiresTool[] value();
    }
}
