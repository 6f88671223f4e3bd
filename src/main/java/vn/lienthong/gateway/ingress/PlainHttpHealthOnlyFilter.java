package vn.lienthong.gateway.ingress;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * With {@code lienthong.plain-http.health-only} (the production profile), the plain HTTP port answers
 * {@code /actuator/health} and 404 to everything else; the mTLS port is not affected. The path is the container's
 * decoded and normalised one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlainHttpHealthOnlyFilter extends OncePerRequestFilter {

    private final boolean healthOnly;
    private final MtlsConnector mtls;
    private final ObjectMapper json;

    PlainHttpHealthOnlyFilter(GatewayProperties properties, MtlsConnector mtls, ObjectMapper json) {
        this.healthOnly = properties.getPlainHttp().isHealthOnly();
        this.mtls = mtls;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return !healthOnly || health || mtls.carries(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(ErrorCode.NOT_FOUND.httpStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(ErrorCode.NOT_FOUND, "No such path.", List.of()));
    }
}
