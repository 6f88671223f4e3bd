package vn.lienthong.gateway.vdxp;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Sends the signed edXML of the exchange to the axis ({@code sendEdoc}): a document to its recipients, a status message
 * to the sender of the document it is about; leaves the axis id of what was sent in {@link #AXIS_DOC_ID}. Returns
 * normally only when the axis confirmed it.
 */
@Component("edocDelivery")
public class EdocDelivery {

    /** Header: the axis id (sender doc id) of what was sent. */
    public static final String AXIS_DOC_ID = "lienthongAxisDocId";

    private final VdxpClient client;

    EdocDelivery(VdxpClient client) {
        this.client = client;
    }

    /** Sends; a failure is a classified {@link vn.lienthong.gateway.delivery.PlatformDeliveryException}. */
    public void send(Exchange exchange) {
        EdxmlMessage message = exchange.getProperty(EdxmlWriter.EDXML_MESSAGE, EdxmlMessage.class);
        byte[] edxml = exchange.getProperty(EdxmlWriter.EDXML, byte[].class);
        String docId;
        if (message instanceof EdocDocument document) {
            docId = client.sendEdoc(document.from().organId(), document.to().stream().map(Organ::organId).toList(),
                    VdxpMessageType.EDOC, edxml);
        } else {
            EdocStatus status = (EdocStatus) message;
            docId = client.sendEdoc(status.from().organId(), List.of(status.responseFor().organId()),
                    VdxpMessageType.STATUS, edxml);
        }
        exchange.getIn().setHeader(AXIS_DOC_ID, docId);
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.removeProperty(EdxmlWriter.EDXML);
        exchange.removeProperty(EdxmlWriter.EDXML_MESSAGE);
    }
}
