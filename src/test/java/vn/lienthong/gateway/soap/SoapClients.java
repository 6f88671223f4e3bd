package vn.lienthong.gateway.soap;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.gateway.soap.client.Dossier;
import vn.lienthong.gateway.soap.client.Gateway;
import vn.lienthong.gateway.soap.client.GatewayService;
import vn.lienthong.gateway.soap.client.SubmitDossier;

/**
 * The JAX-WS client generated from the WSDL the gateway serves, as an agency system would use it: a port for SOAP 1.1
 * or 1.2 with an API key, and the sample dossiers of the REST tests turned into the generated types.
 */
public final class SoapClients {

    private static final ObjectMapper JAXB_SHAPE = new ObjectMapper();

    private SoapClients() {
    }

    public static Gateway soap11(int port, String apiKey) {
        return port(port, GatewayService.GatewaySoap11Port, "/soap/gateway", apiKey);
    }

    static Gateway soap12(int port, String apiKey) {
        return port(port, GatewayService.GatewaySoap12Port, "/soap/gateway/soap12", apiKey);
    }

    private static Gateway port(int port, QName portName, String path, String apiKey) {
        try {
            GatewayService service = new GatewayService(URI.create("http://127.0.0.1:" + port + "/soap/gateway?wsdl").toURL());
            Gateway gateway = service.getPort(portName, Gateway.class);
            Map<String, Object> context = ((BindingProvider) gateway).getRequestContext();
            context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://127.0.0.1:" + port + path);
            if (apiKey != null) {
                context.put(MessageContext.HTTP_REQUEST_HEADERS, new HashMap<>(Map.of("X-API-Key", List.of(apiKey))));
            }
            return gateway;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request for a dossier given as the REST API's JSON: lists get their item elements, nulls are left out. */
    static SubmitDossier submit(ObjectNode restDossier) {
        ObjectNode shaped = restDossier.deepCopy();
        shaped.properties().removeIf(field -> field.getValue().isNull());
        wrap(shaped, "fees", "fee");
        wrap(shaped, "documents", "document");
        wrap(shaped, "results", "result");
        SubmitDossier request = new SubmitDossier();
        request.setDossier(JAXB_SHAPE.convertValue(shaped, Dossier.class));
        return request;
    }

    private static void wrap(ObjectNode dossier, String list, String item) {
        JsonNode items = dossier.get(list);
        if (items != null) {
            dossier.putObject(list).set(item, items);
        }
    }
}
