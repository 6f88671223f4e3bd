package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.GatewayProperties;

/** The JSON reader accepts one well-formed, bounded UTF-8 JSON value and refuses everything else without echoing it. */
class StrictJsonReaderTest {

    private static final int MAX_DEPTH = 5;
    private static final int MAX_STRING = 20;
    private static final int MAX_NUMBER = 16;

    private final StrictJsonReader reader = new StrictJsonReader(properties());

    private static GatewayProperties properties() {
        GatewayProperties properties = new GatewayProperties();
        properties.getIngress().setMaxJsonDepth(MAX_DEPTH);
        properties.getIngress().setMaxJsonStringLength(MAX_STRING);
        properties.getIngress().setMaxJsonNumberLength(MAX_NUMBER);
        return properties;
    }

    // --- well-formed input ---

    @Test
    void parsesAValidObjectIntoATree() {
        JsonNode tree = reader.parse(utf8("{\"code\":\"H56.01\",\"applicant\":{\"name\":\"Hồ Quang Thuận\"},"
                + "\"fees\":[1,2.5],\"urgent\":true,\"note\":null}"));

        assertThat(tree.isObject()).isTrue();
        assertThat(tree.path("code").asText()).isEqualTo("H56.01");
        assertThat(tree.at("/applicant/name").asText()).isEqualTo("Hồ Quang Thuận");
        assertThat(tree.at("/fees/1").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(tree.path("urgent").booleanValue()).isTrue();
        assertThat(tree.path("note").isNull()).isTrue();
    }

    @Test
    void acceptsValuesExactlyAtEveryLimit() {
        String deepest = "[".repeat(MAX_DEPTH) + "1" + "]".repeat(MAX_DEPTH);
        String longestString = "\"" + "s".repeat(MAX_STRING) + "\"";
        String longestNumber = "9".repeat(MAX_NUMBER);

        assertThat(reader.parse(utf8(deepest)).isArray()).isTrue();
        JsonNode tree = reader.parse(utf8("{\"a\":" + longestString + ",\"n\":" + longestNumber + "}"));
        assertThat(tree.path("a").asText()).hasSize(MAX_STRING);
        assertThat(tree.path("n").asText()).isEqualTo(longestNumber);
    }

    @Test
    void keepsTheRawBodyAndTheTreeOnTheExchange() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        byte[] body = utf8("{\"a\":1}");
        exchange.getIn().setHeader("Content-Type", "application/json");
        exchange.getIn().setBody(body);

        reader.read(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.RAW_BODY, byte[].class)).isEqualTo(body);
        assertThat(exchange.getProperty(ExchangeKeys.JSON, JsonNode.class).path("a").asInt()).isEqualTo(1);
    }

    @Test
    void forwardsExactlyTheTextItValidatedIgnoringALeadingByteOrderMark() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        byte[] body = utf8("\uFEFF{\"tên\":\"Hồ\"}");
        exchange.getIn().setHeader("Content-Type", "application/json");
        exchange.getIn().setBody(body);

        reader.read(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.JSON_TEXT, String.class)).isEqualTo("{\"tên\":\"Hồ\"}");
        assertThat(exchange.getProperty(ExchangeKeys.JSON, JsonNode.class).path("tên").asText()).isEqualTo("Hồ");
    }

    @Test
    void refusesUtf16EvenThoughAParserCouldDetectIt() {
        byte[] utf16 = "{\"a\":\"Hồ\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        GatewayException e = refusal(() -> reader.parse(utf16));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
    }

    @Test
    void refusesTheBodyBeforeParsingWhenTheMediaTypeIsWrong() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("Content-Type", "text/plain");
        exchange.getIn().setBody(utf8("{\"a\":1}"));

        GatewayException e = refusal(() -> reader.read(exchange));

        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(exchange.getProperty(ExchangeKeys.JSON)).isNull();
    }

    // --- malformed input ---

    @Test
    void rejectsDuplicateKeysWithPointerToTheKey() {
        GatewayException e = refusal(() -> reader.parse(utf8(
                "{\"code\":\"X\",\"applicant\":{\"name\":\"A\",\"idNumber\":\"1\",\"name\":\"B\"}}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/applicant/name");
            assertThat(v.message()).isEqualTo("duplicate key");
        });
    }

    @Test
    void rejectsDuplicateTopLevelKeysWithPointerToTheKey() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"code\":\"X\",\"code\":\"Y\"}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/code");
    }

    @Test
    void rejectsDuplicateKeysInsideArrayElementsWithTheElementIndexInThePointer() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"fees\":[{\"id\":1},{\"id\":2,\"id\":3}]}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/fees/1/id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {\"b\":2}", "{\"a\":1}{}", "{\"a\":1} 42", "{\"a\":1} ]", "{\"a\":1} x"})
    void rejectsContentAfterTheJsonValue(String body) {
        GatewayException e = refusal(() -> reader.parse(utf8(body)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  "})
    void rejectsAnEmptyBody(String body) {
        GatewayException e = refusal(() -> reader.parse(utf8(body)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
    }

    @Test
    void rejectsAMissingBodyOnTheExchangeAsEmpty() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("Content-Type", "application/json");

        GatewayException e = refusal(() -> reader.read(exchange));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":", "{\"a\":\"unterminated", "{\"a\":[1,2", "[{\"a\":1}"})
    void rejectsTruncatedJson(String body) {
        GatewayException e = refusal(() -> reader.parse(utf8(body)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThat(e.violations()).extracting(Violation::message).containsExactly("the JSON ends too early");
    }

    @Test
    void rejectsInvalidUtf8Bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"name\":\"ab"));
        body.write(0xC3); // a two-byte lead byte ...
        body.write(0x28); // ... followed by a byte that cannot continue it
        body.writeBytes(utf8("\"}"));

        GatewayException e = refusal(() -> reader.parse(body.toByteArray()));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThat(e.violations()).extracting(Violation::message).containsExactly("the body is not valid UTF-8");
    }

    @Test
    void rejectsAnInvalidUtf8StartByte() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"name\":\""));
        body.write(0xFF);
        body.writeBytes(utf8("\"}"));

        GatewayException e = refusal(() -> reader.parse(body.toByteArray()));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
    }

    // --- structural limits ---

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String tooDeep = "[".repeat(MAX_DEPTH + 1) + "1" + "]".repeat(MAX_DEPTH + 1);

        GatewayException e = refusal(() -> reader.parse(utf8(tooDeep)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThat(e.violations()).extracting(Violation::message)
                .containsExactly("nesting deeper than " + MAX_DEPTH + " levels");
    }

    @Test
    void rejectsObjectNestingDeeperThanTheLimit() {
        String tooDeep = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + "}".repeat(MAX_DEPTH + 1);

        GatewayException e = refusal(() -> reader.parse(utf8(tooDeep)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
    }

    @Test
    void rejectsAStringLongerThanTheLimit() {
        GatewayException e = refusal(() -> reader.parse(utf8(
                "{\"note\":\"" + "s".repeat(MAX_STRING + 1) + "\"}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThat(e.violations()).extracting(Violation::message)
                .containsExactly("string longer than " + MAX_STRING + " characters");
    }

    @Test
    void rejectsAVeryLongStringSpanningManyBuffers() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"note\":\"" + "s".repeat(200_000) + "\"}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
    }

    @Test
    void rejectsANumberLongerThanTheLimit() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"amount\":" + "9".repeat(MAX_NUMBER + 1) + "}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThat(e.violations()).extracting(Violation::message)
                .containsExactly("number longer than " + MAX_NUMBER + " characters");
    }

    @Test
    void rejectsADecimalNumberLongerThanTheLimit() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"amount\":1." + "5".repeat(MAX_NUMBER + 10) + "}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
    }

    @Test
    void rejectsAKeyLongerThanTheNameLimit() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"" + "k".repeat(300) + "\":1}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThat(e.violations()).extracting(Violation::message).containsExactly("key longer than 256 characters");
    }

    // --- no echo of client input ---

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":secretvalue}", "{\"a\": tru3secretvalue}", "{\"a\":1} secretvalue",
            "{secretvalue:1}", "{\"a\":\"x\" secretvalue}", "[1,secretvalue]"})
    void neverEchoesTheOffendingInputInTheProblem(String body) {
        GatewayException e = refusal(() -> reader.parse(utf8(body)));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThatNothingEchoes(e, "secretvalue");
    }

    @Test
    void neverEchoesAnUnrecognisedLiteral() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"a\": tru3}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_MALFORMED);
        assertThatNothingEchoes(e, "tru3");
    }

    @Test
    void neverEchoesTheContentOfAnOverlongString() {
        GatewayException e = refusal(() -> reader.parse(utf8("{\"a\":\"secretvalue" + "x".repeat(MAX_STRING) + "\"}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThatNothingEchoes(e, "secretvalue");
    }

    @Test
    void neverEchoesTheContentOfAnOverlongNumber() {
        String number = "31415926535897932384626";
        GatewayException e = refusal(() -> reader.parse(utf8("{\"a\":" + number + "}")));

        assertThat(e.code()).isEqualTo(ErrorCode.JSON_LIMIT_EXCEEDED);
        assertThatNothingEchoes(e, "3141592653");
    }

    private static void assertThatNothingEchoes(GatewayException e, String secret) {
        Problem problem = Problem.of(e.code(), e.getMessage(), e.violations());
        assertThat(problem.detail()).doesNotContain(secret);
        assertThat(e.violations()).allSatisfy(v -> {
            assertThat(v.message()).doesNotContain(secret);
            assertThat(v.pointer()).doesNotContain(secret);
        });
    }

    // --- media type ---

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/json;charset=\"utf-8\""})
    void acceptsJsonInUtf8(String contentType) {
        assertThatCode(() -> StrictJsonReader.requireJsonMediaType(contentType)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "text/plain", "application/xml", "application/json; charset=iso-8859-1",
            "application/json; charset=utf-16", "application/problem+json", "text/json", "???", "application/",
            "application/json; charset=no-such-charset"})
    void rejectsAnythingButJsonInUtf8AsUnsupportedMediaType(String contentType) {
        GatewayException e = refusal(() -> StrictJsonReader.requireJsonMediaType(contentType));

        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    // --- helpers ---

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static GatewayException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        GatewayException e = catchThrowableOfType(GatewayException.class, call);
        assertThat(e).as("expected a GatewayException").isNotNull();
        return e;
    }
}
