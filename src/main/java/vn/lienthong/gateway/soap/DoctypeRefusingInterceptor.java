package vn.lienthong.gateway.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a request whose XML carries a document type declaration or an entity reference, at the first such event and
 * before any of it is resolved: a SOAP message has no DTD, so none is read, expanded or fetched.
 */
public class DoctypeRefusingInterceptor extends AbstractPhaseInterceptor<Message> {

    public DoctypeRefusingInterceptor() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null && !(reader instanceof NoDoctypeReader)) {
            message.setContent(XMLStreamReader.class, new NoDoctypeReader(reader));
        }
    }

    /** A reader that fails on a DTD or an entity reference, also where {@code nextTag} would skip over it. */
    static final class NoDoctypeReader extends StreamReaderDelegate {

        static final String REFUSAL = "a document type declaration or entity reference is not allowed";

        NoDoctypeReader(XMLStreamReader reader) {
            super(reader);
            refuse(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return refuse(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected an element", getLocation());
            }
            return event;
        }

        private static int refuse(int event) {
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.ENTITY_DECLARATION || event == XMLStreamConstants.NOTATION_DECLARATION) {
                throw new DoctypeRefused();
            }
            return event;
        }
    }

    /** Thrown when a request carries a DTD or an entity reference. */
    static final class DoctypeRefused extends RuntimeException {
        DoctypeRefused() {
            super(NoDoctypeReader.REFUSAL, null, false, false);
        }
    }
}
