package vn.lienthong.gateway.ingress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Reads a JSON request body strictly: only {@code application/json} in UTF-8, no duplicate keys, nothing after the
 * value, and nesting, string, number and name lengths bounded before any of it is built in memory.
 */
@Component("jsonRequestReader")
public class StrictJsonReader {

    private static final int MAX_NAME_LENGTH = 256;

    private final ObjectMapper mapper;

    @Autowired
    StrictJsonReader(GatewayProperties properties) {
        this(properties.getIngress(), properties.getIngress().getMaxJsonStringLength(),
                properties.getIngress().getMaxBodySize().toBytes());
    }

    private StrictJsonReader(GatewayProperties.Ingress limits, long maxStringLength, long maxDocumentLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.getMaxJsonDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringLength))
                        .maxNumberLength(limits.getMaxJsonNumberLength())
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(maxDocumentLength)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /**
     * A reader with the ingress limits but strings as long as the body may be, for requests that carry documents in
     * base64 (the body size limit still bounds them).
     */
    public static StrictJsonReader forBase64Documents(GatewayProperties properties) {
        long max = properties.getIngress().getMaxBodySize().toBytes();
        return new StrictJsonReader(properties.getIngress(), max, max);
    }

    /**
     * A reader for official documents with their attachments in base64: strings and the whole body as long as the
     * document body limit ({@code lienthong.ingress.max-document-body-size}).
     */
    public static StrictJsonReader forOfficialDocuments(GatewayProperties properties) {
        long max = properties.getIngress().getMaxDocumentBodySize().toBytes();
        return new StrictJsonReader(properties.getIngress(), max, max);
    }

    /**
     * Checks the media type, parses the body exactly as received (not as the HTTP binding may have decoded it), and
     * keeps the raw bytes, the text and the tree on the exchange.
     */
    public void read(Exchange exchange) {
        requireJsonMediaType(exchange.getIn().getHeader("Content-Type", String.class));
        byte[] body = exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class);
        if (body == null) {
            body = exchange.getIn().getBody(byte[].class);
        }
        if (body == null) {
            body = new byte[0];
        }
        exchange.setProperty(ExchangeKeys.RAW_BODY, body);
        String text = utf8(body);
        exchange.setProperty(ExchangeKeys.JSON, parse(text));
        exchange.setProperty(ExchangeKeys.JSON_TEXT, text);
    }

    JsonNode parse(byte[] body) {
        return parse(utf8(body));
    }

    /** Decodes strictly as UTF-8 (RFC 8259), so the text validated is the text forwarded; a leading BOM is ignored. */
    static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new GatewayException(ErrorCode.JSON_MALFORMED, "The body is not valid UTF-8.",
                    List.of(new Violation("", "the body is not valid UTF-8")));
        }
    }

    JsonNode parse(String body) {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode tree;
            try {
                tree = mapper.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw refused(ErrorCode.JSON_LIMIT_EXCEEDED, parser, e, limitExceeded(e));
            } catch (JsonProcessingException e) {
                throw refused(ErrorCode.JSON_MALFORMED, parser, e, malformed(e));
            }
            if (tree == null || tree.isMissingNode()) {
                throw new GatewayException(ErrorCode.JSON_MALFORMED, "The request body is empty.",
                        List.of(new Violation("", "a JSON object is required")));
            }
            if (parser.nextToken() != null) {
                throw new GatewayException(ErrorCode.JSON_MALFORMED, "Malformed JSON: content after the JSON value.",
                        List.of(new Violation("", "only one JSON value may be sent")));
            }
            return tree;
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.JSON_MALFORMED, "Malformed JSON: " + e.getClass().getSimpleName(),
                    List.of(), e);
        }
    }

    private static GatewayException refused(ErrorCode code, JsonParser parser, JsonProcessingException e,
                                            String what) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        var location = e.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new GatewayException(code, what + where + ".", List.of(new Violation(pointer, what)), e);
    }

    /** Names the limit that was exceeded without echoing any of the input. */
    private String limitExceeded(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
        if (message.contains("nesting depth")) {
            return "nesting deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.contains("number value length")) {
            return "number longer than " + limits.getMaxNumberLength() + " characters";
        }
        if (message.contains("name length")) {
            return "key longer than " + limits.getMaxNameLength() + " characters";
        }
        if (message.contains("document length")) {
            return "document longer than " + limits.getMaxDocumentLength() + " bytes";
        }
        return "string longer than " + limits.getMaxStringLength() + " characters";
    }

    /** Says what kind of syntax error was found, never what the client sent. */
    private static String malformed(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return "duplicate key";
        }
        if (message.contains("end-of-input")) {
            return "the JSON ends too early";
        }
        return "not well-formed JSON";
    }

    static void requireJsonMediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The Content-Type header cannot be read.");
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Media type " + type.getType() + "/" + type.getSubtype() + " is not accepted; send application/json.");
        }
        String charset = type.getParameter("charset");
        if (charset != null && !StandardCharsets.UTF_8.name().equals(charset.toUpperCase(Locale.ROOT).replace("\"", ""))) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "JSON must be sent in UTF-8.");
        }
    }
}
