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
 * Keeps the management endpoints other than health off the public network: {@code /actuator/health} is open to all,
 * every other {@code /actuator} path answers 404 unless the caller's address is in
 * {@code lienthong.management.allowed-networks}. The path is the container's decoded and normalised one, so that
 * {@code /actuator/health/../prometheus} is judged as what it reaches.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ManagementAccessFilter extends OncePerRequestFilter {

    private final List<NetworkRange> allowed;
    private final ObjectMapper json;

    ManagementAccessFilter(GatewayProperties properties, ObjectMapper json) {
        this.allowed = properties.getManagement().getAllowedNetworks().stream().map(NetworkRange::parse).toList();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean management = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return !management || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = request.getRemoteAddr();
        if (allowed.stream().anyMatch(range -> range.contains(caller))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(ErrorCode.NOT_FOUND.httpStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(ErrorCode.NOT_FOUND, "No such path.", List.of()));
    }
}
