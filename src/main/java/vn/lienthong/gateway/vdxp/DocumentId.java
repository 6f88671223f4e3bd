package vn.lienthong.gateway.vdxp;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The edXML id of an official document, {@code {organId},{yyyy/MM/dd},{number}/{notation}} — the sender's organ id,
 * the promulgation day and the document's code, e.g. {@code 000.00.17.H56,2024/03/05,57/UBND-TP}. Status messages and
 * traces refer to a document by it.
 */
public record DocumentId(String organId, LocalDate date, String number, String notation) {

    /** Longest id accepted when reading one. */
    public static final int MAX_LENGTH = 300;

    public DocumentId {
        Objects.requireNonNull(date, "date");
        requireText(organId, "organId");
        requireText(number, "number");
        requireText(notation, "notation");
        if (organId.indexOf(',') >= 0) {
            throw new IllegalArgumentException("an organ id has no comma");
        }
    }

    /** The id of a document from its sender, promulgation day and code. */
    public static DocumentId of(String organId, LocalDate date, DocumentCode code) {
        return new DocumentId(organId, date, code.number(), code.notation());
    }

    /**
     * Reads an id; the day may be written {@code yyyy/MM/dd} or {@code dd/MM/yyyy}, as senders do.
     *
     * @throws IllegalArgumentException naming what is wrong, without the input
     */
    public static DocumentId parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a document id has 1 to " + MAX_LENGTH + " characters");
        }
        String value = text.strip();
        int first = value.indexOf(',');
        int second = first < 0 ? -1 : value.indexOf(',', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("a document id is {organId},{yyyy/MM/dd},{number}/{notation}");
        }
        LocalDate date = EdxmlDates.parseDate(value.substring(first + 1, second))
                .orElseThrow(() -> new IllegalArgumentException("the day of a document id is not a date"));
        String code = value.substring(second + 1);
        int slash = code.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("the code of a document id is {number}/{notation}");
        }
        return new DocumentId(value.substring(0, first).strip(), date, code.substring(0, slash).strip(),
                code.substring(slash + 1).strip());
    }

    /** The id read from text, or empty when it is not one. */
    public static Optional<DocumentId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id as edXML writes it. */
    public String value() {
        return organId + "," + EdxmlDates.format(date) + "," + number + "/" + notation;
    }

    @Override
    public String toString() {
        return value();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " of a document id is empty");
        }
    }
}
