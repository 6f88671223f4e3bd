package vn.lienthong.gateway.soap;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.jaxws.DefaultCxfBinding;

/**
 * CXF's binding of a request to a Camel exchange that also keeps the CXF request message as an exchange property, out
 * of a client's reach, so the routes read the operation and the allow-listed headers from CXF itself, never from
 * headers a client could set.
 */
public class SoapExchangeBinding extends DefaultCxfBinding {

    @Override
    public void populateExchangeFromCxfRequest(org.apache.cxf.message.Exchange cxfExchange, Exchange camelExchange) {
        super.populateExchangeFromCxfRequest(cxfExchange, camelExchange);
        camelExchange.setProperty(SoapContract.CXF_MESSAGE, cxfExchange.getInMessage());
    }
}
