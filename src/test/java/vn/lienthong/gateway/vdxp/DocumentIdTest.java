package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Document ids are built as {organId},{yyyy/MM/dd},{number}/{notation} and read in either day order. */
class DocumentIdTest {

    @Test
    void buildsTheIdFromSenderDayAndCode() {
        DocumentId id = DocumentId.of("000.00.17.H56", LocalDate.of(2024, 3, 5), new DocumentCode("57", "UBND-TP"));

        assertThat(id.value()).isEqualTo("000.00.17.H56,2024/03/05,57/UBND-TP");
    }

    @Test
    void readsAnIdWrittenEitherWay() {
        DocumentId expected = new DocumentId("000.00.00.G22", LocalDate.of(2015, 9, 30), "7816", "VPCP-TTĐT");

        assertThat(DocumentId.parse("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")).isEqualTo(expected);
        assertThat(DocumentId.parse(" 000.00.00.G22,30/09/2015,7816/VPCP-TTĐT ")).isEqualTo(expected);
        assertThat(DocumentId.parse("000.00.00.G22,30/09/2015,7816/VPCP-TTĐT").value())
                .isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000.00.00.G22", "000.00.00.G22,2014/02/30,7806/VPCP", "000.00.00.G22,2015/09/30,7816",
            ",2015/09/30,7816/VPCP", "000.00.00.G22,2015/09/30,/VPCP", "000.00.00.G22,2015/09/30,7816/"})
    void refusesWhatIsNotAnId(String text) {
        assertThatThrownBy(() -> DocumentId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("G22"));
        assertThat(DocumentId.tryParse(text)).isEmpty();
    }

    @Test
    void readsAndWritesEdxmlDates() {
        assertThat(EdxmlDates.parseDate("2024/03/05")).contains(LocalDate.of(2024, 3, 5));
        assertThat(EdxmlDates.parseDate("05/03/2024")).contains(LocalDate.of(2024, 3, 5));
        assertThat(EdxmlDates.parseDate("5-3-2024")).contains(LocalDate.of(2024, 3, 5));
        assertThat(EdxmlDates.parseDate("2024/03/05 17:45:00")).contains(LocalDate.of(2024, 3, 5));
        assertThat(EdxmlDates.parseDateTime("20/09/2015 11:08:36")).contains(LocalDateTime.of(2015, 9, 20, 11, 8, 36));
        assertThat(EdxmlDates.parseDateTime("2015-09-20T11:08")).contains(LocalDateTime.of(2015, 9, 20, 11, 8));
        assertThat(EdxmlDates.parseDate("2024/13/01")).isEmpty();
        assertThat(EdxmlDates.parseDate("03/05/24")).isEmpty();
        assertThat(EdxmlDates.parseDateTime("2024/03/05 25:00")).isEmpty();
        assertThat(EdxmlDates.format(LocalDate.of(2024, 3, 5))).isEqualTo("2024/03/05");
        assertThat(EdxmlDates.format(LocalDateTime.of(2024, 3, 5, 7, 8, 9, 500))).isEqualTo("2024/03/05 07:08:09");
    }
}
