package vn.lienthong.gateway.vdxp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as edXML carries them. Reading is lenient, as senders in the field are: {@code yyyy/MM/dd} and
 * {@code dd/MM/yyyy} (also with {@code -}, one-digit day or month, and a time {@code HH:mm[:ss]} after a space or a
 * {@code T}); writing is strict: {@code yyyy/MM/dd} and {@code yyyy/MM/dd HH:mm:ss}. Days that do not exist are refused.
 */
public final class EdxmlDates {

    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    private EdxmlDates() {
    }

    /** The day written in any of the accepted forms; a time after it is allowed and dropped. */
    public static Optional<LocalDate> parseDate(String text) {
        return parseDateTime(text).map(LocalDateTime::toLocalDate);
    }

    /** The moment written in any of the accepted forms; a day alone means its start. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int split = firstOf(value, ' ', 'T');
        String day = split < 0 ? value : value.substring(0, split);
        String time = split < 0 ? null : value.substring(split + 1).strip();
        Optional<LocalDate> date = day(day);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        if (time == null || time.isEmpty()) {
            return Optional.of(date.get().atStartOfDay());
        }
        Matcher t = TIME.matcher(time);
        if (!t.matches()) {
            return Optional.empty();
        }
        try {
            LocalTime at = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                    t.group(3) == null ? 0 : Integer.parseInt(t.group(3)));
            return Optional.of(date.get().atTime(at));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy/MM/dd}. */
    public static String format(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code yyyy/MM/dd HH:mm:ss}, to the second. */
    public static String format(LocalDateTime moment) {
        return DATE_TIME.format(moment);
    }

    private static Optional<LocalDate> day(String text) {
        Matcher yearFirst = YEAR_FIRST.matcher(text);
        Matcher yearLast = YEAR_LAST.matcher(text);
        try {
            if (yearFirst.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(yearFirst.group(1)),
                        Integer.parseInt(yearFirst.group(2)), Integer.parseInt(yearFirst.group(3))));
            }
            if (yearLast.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(yearLast.group(3)),
                        Integer.parseInt(yearLast.group(2)), Integer.parseInt(yearLast.group(1))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
