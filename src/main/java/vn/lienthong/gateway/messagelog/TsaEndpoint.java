package vn.lienthong.gateway.messagelog;

import org.springframework.context.ApplicationContext;

import vn.lienthong.gateway.EndpointUrl;

/**
 * Resolves {@code lienthong.log.tsa.url}: an absolute URL as it is, a path alone on this gateway's own HTTP port
 * (known only once the web server runs), as the sandbox points at its built-in TSA.
 */
public class TsaEndpoint extends EndpointUrl {

    public TsaEndpoint(String configured, ApplicationContext context) {
        super(configured, "the TSA", context);
    }
}
