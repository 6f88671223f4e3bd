package vn.lienthong.gateway.config;

import java.util.HashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.attachment.AttachmentUtil;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.soap.DoctypeRefusingInterceptor;
import vn.lienthong.gateway.soap.IdempotencyKeyHeaderInterceptor;
import vn.lienthong.gateway.soap.NoHeadersAcross;
import vn.lienthong.gateway.soap.SoapContract;
import vn.lienthong.gateway.soap.SoapExchangeBinding;
import vn.lienthong.gateway.soap.SoapProperties;
import vn.lienthong.gateway.soap.SoapRefusalInterceptor;

/**
 * The gateway's SOAP service on the CXF servlet ({@code cxf.path}, {@code /soap}) of the same Tomcat as REST: one CXF
 * endpoint per port of {@code schemas/wsdl/gateway.wsdl} (SOAP 1.1 and 1.2), in PAYLOAD mode, with the XML and
 * attachment limits of {@code lienthong.soap.*}, no DTDs, no headers crossing into Camel, and every refusal answered as a
 * declared fault and recorded.
 */
@Configuration
public class SoapConfig {

    /** The SOAP 1.1 endpoint, {@code /soap/gateway} (its WSDL at {@code /soap/gateway?wsdl}). */
    @Bean
    CxfEndpoint soapGateway(CamelContext camel, Bus bus, GatewayProperties gateway, SoapProperties limits,
                            MessageStore store) {
        return endpoint(camel, bus, gateway, limits, store, SoapContract.SOAP11_PORT, SoapContract.SOAP11_ADDRESS);
    }

    /** The SOAP 1.2 endpoint, {@code /soap/gateway/soap12}. */
    @Bean
    CxfEndpoint soapGatewaySoap12(CamelContext camel, Bus bus, GatewayProperties gateway, SoapProperties limits,
                                  MessageStore store) {
        return endpoint(camel, bus, gateway, limits, store, SoapContract.SOAP12_PORT, SoapContract.SOAP12_ADDRESS);
    }

    private static CxfEndpoint endpoint(CamelContext camel, Bus bus, GatewayProperties gateway, SoapProperties limits,
                                        MessageStore store, QName port, String address) {
        refuseXopUrlFollowing();
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress(address);
        endpoint.setWsdlURL(gateway.getSchemasDir().resolve(SoapContract.WSDL).toUri().toString());
        endpoint.setServiceNameAsQName(SoapContract.SERVICE);
        endpoint.setEndpointNameAsQName(port);
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.setCxfBinding(new SoapExchangeBinding());
        endpoint.setHeaderFilterStrategy(new NoHeadersAcross());
        endpoint.setProperties(readerLimits(limits));
        endpoint.getInInterceptors().add(new DoctypeRefusingInterceptor());
        endpoint.getInInterceptors().add(new IdempotencyKeyHeaderInterceptor());
        endpoint.getOutFaultInterceptors().add(new SoapRefusalInterceptor(limits, store));
        return endpoint;
    }

    /** CXF's StAX and attachment limits, set explicitly rather than left to CXF's defaults. */
    static Map<String, Object> readerLimits(SoapProperties limits) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, limits.getMaxElementDepth());
        properties.put(StaxUtils.MAX_CHILD_ELEMENTS, limits.getMaxChildElements());
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, limits.getMaxAttributeCount());
        properties.put(StaxUtils.MAX_ATTRIBUTE_SIZE, (int) limits.getMaxAttributeSize().toBytes());
        properties.put(StaxUtils.MAX_TEXT_LENGTH, (int) limits.getMaxTextLength().toBytes());
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, limits.getMaxElementCount());
        properties.put(StaxUtils.MAX_XML_CHARACTERS, limits.getMaxDocumentSize().toBytes());
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_COUNT, limits.getMaxAttachments());
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, limits.getMaxAttachmentSize().toBytes());
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_HEADER_SIZE,
                (int) limits.getMaxAttachmentHeaderSize().toBytes());
        properties.put("autoRewriteSoapAddressForAllServices", "true");
        properties.put("schema-validation-enabled", "false");
        properties.put("faultStackTraceEnabled", "false");
        properties.put("exceptionMessageCauseEnabled", "false");
        return properties;
    }

    /** CXF follows {@code xop:Include} URLs out of the message when this system property says so: never here. */
    private static void refuseXopUrlFollowing() {
        if (Boolean.parseBoolean(System.getProperty(AttachmentUtil.ATTACHMENT_XOP_FOLLOW_URLS_PROPERTY, "false"))) {
            throw new IllegalStateException("System property " + AttachmentUtil.ATTACHMENT_XOP_FOLLOW_URLS_PROPERTY
                    + " is true: CXF would fetch URLs named in SOAP requests. Remove it.");
        }
    }
}
