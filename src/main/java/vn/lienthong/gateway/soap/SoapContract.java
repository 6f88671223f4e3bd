package vn.lienthong.gateway.soap;

import javax.xml.namespace.QName;

/** Names fixed by the gateway's WSDL ({@code schemas/wsdl/gateway.wsdl}) and the exchange keys of the SOAP routes. */
public final class SoapContract {

    public static final String NAMESPACE = "https://lienthong.vn/soap/gateway/v1";
    public static final String WSDL = "wsdl/gateway.wsdl";
    public static final QName SERVICE = new QName(NAMESPACE, "GatewayService");
    public static final QName SOAP11_PORT = new QName(NAMESPACE, "GatewaySoap11Port");
    public static final QName SOAP12_PORT = new QName(NAMESPACE, "GatewaySoap12Port");
    /** Addresses under the CXF servlet ({@code cxf.path}, {@code /soap}). */
    public static final String SOAP11_ADDRESS = "/gateway";
    public static final String SOAP12_ADDRESS = "/gateway/soap12";
    /** The SOAP header carrying the client's idempotency key. */
    public static final QName IDEMPOTENCY_KEY = new QName(NAMESPACE, "IdempotencyKey");

    /** Exchange property: the CXF request message, from which the allow-listed values are read. */
    public static final String CXF_MESSAGE = "lienthongCxfMessage";
    /** Exchange property: the operation CXF's binding matched the request to, e.g. {@code SubmitDossier}. */
    public static final String OPERATION = "lienthongSoapOperation";

    private SoapContract() {
    }
}
