package vn.lienthong.gateway.vdxp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import vn.lienthong.gateway.GatewayException.Violation;

/**
 * The edXML schema ({@code schemas/edxml/edxml.xsd}) and the check of a file against it: each violation located by
 * the path of the element it was found in. Neither the schema nor the file may reach outside (no DTD, no external
 * schema or entity).
 */
public final class EdxmlSchema {

    /** Violations reported before the check stops. */
    static final int MAX_VIOLATIONS = 50;

    private final Schema schema;

    private EdxmlSchema(Schema schema) {
        this.schema = schema;
    }

    /** The schema at {@code edxml/edxml.xsd} under the schemas folder; fails naming the file when it is unreadable. */
    public static EdxmlSchema load(Path schemasDir) {
        Path file = schemasDir.resolve(Edxml.SCHEMA);
        try (InputStream in = Files.newInputStream(file)) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new EdxmlSchema(factory.newSchema(new StreamSource(in, file.toUri().toString())));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Cannot read the edXML schema " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every way the file breaks the schema (at most {@value #MAX_VIOLATIONS}); empty when it is valid. */
    public List<Violation> violations(InputStream edxml) {
        PathTracker tracker = new PathTracker();
        Collector errors = new Collector(tracker);
        try {
            XMLReader reader = secureReader();
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(errors);
            tracker.setContentHandler(validator);
            reader.setContentHandler(tracker);
            reader.setErrorHandler(errors);
            reader.parse(new InputSource(edxml));
        } catch (TooMany e) {
            // enough has been said
        } catch (SAXParseException e) {
            errors.add(tracker.path(), "not well-formed XML, or XML with a document type declaration",
                    "NOT_WELL_FORMED");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            errors.add("/", "the file could not be read", "NOT_WELL_FORMED");
        }
        return List.copyOf(errors.violations);
    }

    private static XMLReader secureReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        return factory.newSAXParser().getXMLReader();
    }

    /** Passes events on to the validator, knowing the path of the element being read. */
    private static final class PathTracker extends XMLFilterImpl {

        private final Deque<String> steps = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> seen = new ArrayDeque<>();

        PathTracker() {
            seen.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int index = seen.peek().merge(localName, 1, Integer::sum);
            boolean listItem = !names.isEmpty() && Edxml.isListItem(names.peekLast(), localName);
            steps.addLast(index == 1 && !listItem ? localName : localName + "[" + index + "]");
            names.addLast(localName);
            seen.push(new HashMap<>());
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            steps.removeLast();
            names.removeLast();
            seen.pop();
        }

        String path() {
            return steps.isEmpty() ? "/" : "/" + String.join("/", steps);
        }
    }

    /** Stops the check once enough violations are known. */
    private static final class TooMany extends SAXException {
    }

    private static final Map<String, String> MEANINGS = Map.of(
            "cvc-complex-type.2.4.a", "an element not expected here (wrong name or order)",
            "cvc-complex-type.2.4.b", "a required child element is missing",
            "cvc-complex-type.2.4.d", "an element not expected here (wrong name or order)",
            "cvc-pattern-valid", "a value not of the required form",
            "cvc-maxLength-valid", "a value longer than allowed",
            "cvc-minLength-valid", "an empty value",
            "cvc-enumeration-valid", "a value not in the allowed list",
            "cvc-datatype-valid", "a value not of the required type",
            "cvc-elt.1", "not an edXML root element",
            "cvc-type.3.1.3", "a value the element's type does not allow");

    /** Keeps the schema's findings, located by element path, without the parser's wording of the input. */
    private static final class Collector implements ErrorHandler {

        private final PathTracker tracker;
        private final List<Violation> violations = new ArrayList<>();

        Collector(PathTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a file invalid
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            String path = tracker.path();
            if (String.valueOf(exception.getMessage()).startsWith("cvc-type.3.1.3") && !violations.isEmpty()
                    && violations.get(violations.size() - 1).pointer().equals(path)) {
                return;
            }
            add(path, describe(exception), "SCHEMA_VIOLATION");
            if (violations.size() >= MAX_VIOLATIONS) {
                throw new TooMany();
            }
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }

        void add(String path, String message, String code) {
            violations.add(new Violation(path, message, code));
        }

        /**
         * The schema rule broken (Xerces's key, such as {@code cvc-pattern-valid}) and the line: Xerces's own message
         * quotes the value, which may be anything a sender wrote.
         */
        private static String describe(SAXParseException exception) {
            String message = String.valueOf(exception.getMessage());
            int colon = message.indexOf(':');
            String rule = colon > 0 && colon < 40 ? message.substring(0, colon) : "schema rule";
            return MEANINGS.entrySet().stream().filter(m -> rule.startsWith(m.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("breaks the schema") + " (" + rule + ", line " + exception.getLineNumber()
                    + ")";
        }
    }
}
