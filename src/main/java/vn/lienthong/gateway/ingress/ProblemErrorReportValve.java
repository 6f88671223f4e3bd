package vn.lienthong.gateway.ingress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import vn.lienthong.gateway.ErrorCode;

/**
 * Answers the requests Tomcat refuses itself, before any servlet sees them (a path with an encoded slash, a malformed
 * request line), with problem+json like every other refusal instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = status >= 500 ? ErrorCode.INTERNAL_ERROR : status == 404 ? ErrorCode.NOT_FOUND
                : ErrorCode.REQUEST_REFUSED;
        Problem base = Problem.of(code, "The server could not read this request.", List.of());
        Problem problem = new Problem(base.type(), base.title(), status, base.detail(), base.code(), null, null);
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem answer", e);
        }
    }
}
