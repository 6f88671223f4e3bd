package vn.lienthong.gateway.ingress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.Rejection;

/**
 * Enforces the request body size limit for every API and SOAP request before anything else reads it: a declared or
 * actual size over the limit is answered 413 and logged; a body within it is buffered for the routes (and kept as the
 * request attribute {@link ExchangeKeys#RAW_BODY}, for the SOAP ingress, which never sees the bytes itself). Official
 * documents ({@code POST /api/v1/documents}) and SOAP requests (which may carry documents as MTOM attachments) have the
 * larger document limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final List<String> LIMITED_PATHS = List.of("/api/", "/soap/");
    private static final String DOCUMENTS_PATH = "/api/v1/documents";

    private final long maxBytes;
    private final long maxDocumentBytes;
    private final ObjectMapper json;
    private final MessageStore store;

    RequestBodyLimitFilter(GatewayProperties properties, ObjectMapper json, MessageStore store) {
        this.maxBytes = properties.getIngress().getMaxBodySize().toBytes();
        this.maxDocumentBytes = properties.getIngress().getMaxDocumentBodySize().toBytes();
        this.json = json;
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return LIMITED_PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            refuse(request, response, limit);
            return;
        }
        request.setAttribute(ExchangeKeys.RAW_BODY, body);
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(DOCUMENTS_PATH) || path.startsWith("/soap/") ? maxDocumentBytes : maxBytes;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        String detail = "The body is larger than the limit of " + limit + " bytes.";
        try {
            store.recordRejection(new Rejection(Channel.ofPath(request.getRequestURI()), null, request.getRemoteAddr(), ErrorCode.PAYLOAD_TOO_LARGE.name(),
                    detail, null));
        } catch (DataAccessException e) {
            logger.error("Could not record a rejection (PAYLOAD_TOO_LARGE) in the message log", e);
        }
        response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.httpStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, detail, List.of()));
    }

    /** A request whose body has already been read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
