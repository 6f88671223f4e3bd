package vn.lienthong.gateway.ingress;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a request reached the gateway: by the mTLS port (with the certificate chain the client presented, its own
 * first; empty when it presented none) or by the plain HTTP port.
 */
public record Transport(boolean mutualTls, List<X509Certificate> clientChain) {

    public Transport {
        clientChain = List.copyOf(clientChain);
    }

    /** The transport of a servlet request, as the container saw it (never from a header). */
    public static Transport of(HttpServletRequest request, MtlsConnector mtls) {
        if (!mtls.carries(request)) {
            return new Transport(false, List.of());
        }
        Object chain = request.getAttribute(MtlsConnector.CLIENT_CERTIFICATES);
        return new Transport(true, chain instanceof X509Certificate[] certificates ? List.of(certificates) : List.of());
    }
}
