package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64 arriving in arbitrary pieces decodes to the same bytes as the JDK's decoder, within its limit. */
class Base64AccumulatorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 57, 58, 59, 1000, 65_537})
    void decodesPiecesSplitAnywhere(int size) throws Exception {
        byte[] bytes = Edocs.randomBytes(size, size);
        char[] text = Base64.getMimeEncoder().encodeToString(bytes).toCharArray();
        Random random = new Random(size);
        Base64Accumulator accumulator = new Base64Accumulator(size);
        for (int at = 0; at < text.length; ) {
            int length = Math.min(text.length - at, 1 + random.nextInt(17));
            accumulator.append(text, at, length);
            at += length;
        }

        assertThat(accumulator.finish()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5})
    void acceptsALastGroupWithoutPadding(int size) throws Exception {
        byte[] bytes = Edocs.randomBytes(size, size);
        char[] text = Base64.getEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        Base64Accumulator accumulator = new Base64Accumulator(100);
        accumulator.append(text, 0, text.length);

        assertThat(accumulator.finish()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AB=C", "AB==CD==", "A===", "AB*D", "ABC=D", "ÀBCD", "AB="})
    void refusesWhatIsNotBase64(String text) {
        Base64Accumulator accumulator = new Base64Accumulator(100);

        assertThatThrownBy(() -> {
            accumulator.append(text.toCharArray(), 0, text.length());
            accumulator.finish();
        }).isInstanceOf(Base64Accumulator.InvalidBase64.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void refusesMoreBytesThanTheLimit(int size) {
        char[] text = Base64.getEncoder().encodeToString(new byte[size]).toCharArray();
        Base64Accumulator accumulator = new Base64Accumulator(3);

        assertThatThrownBy(() -> {
            accumulator.append(text, 0, text.length);
            accumulator.finish();
        }).isInstanceOf(Base64Accumulator.TooLarge.class);
    }
}
