package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketReferenceTests {

    @ParameterizedTest
    @CsvSource({"SL-1005, 1005", "sl-1005, 1005", "#1005, 1005", "1005, 1005", " SL-42 , 42"})
    void readsTheWaysPeopleWriteAReference(String word, long number) {
        assertThat(Ticket.numberIn(word)).hasValue(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SL-", "SL-10a", "login", "SL1005", "1e5", "-1005", "1234567890123456"})
    void otherWordsAreNoReference(String word) {
        assertThat(Ticket.numberIn(word)).isEqualTo(OptionalLong.empty());
    }
}
