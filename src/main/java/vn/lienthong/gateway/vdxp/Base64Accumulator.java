package vn.lienthong.gateway.vdxp;

import java.util.Arrays;

/**
 * Decodes base64 text as it arrives in pieces, white space ignored and padding optional, into at most a given number
 * of bytes, so that an attachment never exists as one long string.
 */
final class Base64Accumulator {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    /** The text is not base64. */
    static final class InvalidBase64 extends Exception {
        InvalidBase64() {
            super("not base64", null, false, false);
        }
    }

    /** The decoded bytes would exceed the limit. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("too large", null, false, false);
        }
    }

    private final long max;
    private byte[] out;
    private int size;
    private int bits;
    private int sextets;
    private int padding;
    private boolean ended;

    Base64Accumulator(long max) {
        this.max = max;
        this.out = new byte[(int) Math.min(max, 64 * 1024)];
    }

    void append(char[] characters, int start, int length) throws InvalidBase64, TooLarge {
        for (int i = start; i < start + length; i++) {
            char c = characters[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (ended || sextets < 2) {
                    throw new InvalidBase64();
                }
                padding++;
                if (++sextets == 4) {
                    flushPadded();
                }
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0 || padding > 0 || ended) {
                throw new InvalidBase64();
            }
            bits = bits << 6 | value;
            if (++sextets == 4) {
                write(bits, 3);
                bits = 0;
                sextets = 0;
            }
        }
    }

    /** The bytes decoded; a last group without its padding is accepted, a lone trailing character is not. */
    byte[] finish() throws InvalidBase64, TooLarge {
        if (padding > 0 || sextets == 1) {
            throw new InvalidBase64();
        }
        if (sextets == 2) {
            write(bits >> 4, 1);
        } else if (sextets == 3) {
            write(bits >> 2, 2);
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private void flushPadded() throws TooLarge {
        if (padding == 1) {
            write(bits >> 2, 2);
        } else {
            write(bits >> 4, 1);
        }
        bits = 0;
        sextets = 0;
        padding = 0;
        ended = true;
    }

    /** Writes the low {@code count} bytes of the group, most significant first. */
    private void write(int group, int count) throws TooLarge {
        if (size + (long) count > max) {
            throw new TooLarge();
        }
        if (size + count > out.length) {
            out = Arrays.copyOf(out, (int) Math.min(max, Math.max(size + count, (long) out.length * 2)));
        }
        for (int shift = (count - 1) * 8; shift >= 0; shift -= 8) {
            out[size++] = (byte) (group >> shift);
        }
    }
}
