package io.supportlab.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTests {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05.000006Z");

    @Test
    void cursorCarriesTheSortKeyOfTheLastItem() {
        String cursor = PageRequest.cursor(AT, "id-7");
        PageRequest request = PageRequest.of(10, cursor);
        assertThat(request.after()).isEqualTo(new PageRequest.Position(AT, "id-7"));
        assertThat(request.probeSize()).isEqualTo(11);
    }

    @Test
    void defaultsToFirstPageWithTheDefaultLimit() {
        PageRequest request = PageRequest.of(null, null);
        assertThat(request.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.after()).isNull();
    }

    @Test
    void rejectsLimitOutOfRange() {
        assertThatThrownBy(() -> PageRequest.of(0, null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("limit", "must be between 1 and 200")));
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> OffsetPageRequest.of(201, null, 20)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%%%not-base64",
                "eB95", // decodes to two parts, neither a time nor an id of ours
                "b25seS1vbmUtcGFydA", // one part
                "MjAyNS0wMS0wMlQwMzowNDowNVofaWQfZXh0cmE", // three parts
                "MjAyNS0xMy00NVQwMzowNDowNVofaWQ", // month 13
                "MjAyNS0wMS0wMlQwMzowNDowNVofIA" // blank id
            })
    void rejectsForeignOrDamagedKeysetCursorsAsTheCursorsFault(String cursor) {
        assertThatThrownBy(() -> PageRequest.of(5, cursor))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("cursor"));
    }

    @Test
    void rejectsOverlongCursorsWithoutDecodingThem() {
        String huge = PageRequest.cursor(AT, "x".repeat(1_000));
        assertThatThrownBy(() -> PageRequest.of(5, huge)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void offsetCursorCarriesThePositionOfTheNextPage() {
        OffsetPageRequest request = OffsetPageRequest.of(null, OffsetPageRequest.cursor(40), 20);
        assertThat(request).isEqualTo(new OffsetPageRequest(20, 40));
        assertThat(OffsetPageRequest.of(5, null, 20)).isEqualTo(new OffsetPageRequest(5, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eB95", "LTE", "OTk5OTk5OTk5OTk5OTk5OTk5OTk", "YWJj"}) // x/y, -1, 10^20, abc
    void rejectsOffsetCursorsThatAreNotAPosition(String cursor) {
        assertThatThrownBy(() -> OffsetPageRequest.of(5, cursor, 20))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("cursor"));
    }

    @Test
    void pageCutsTheProbeRowAndPointsAfterTheLastKeptItem() {
        PageRequest request = PageRequest.first(2);
        Page<String> page = Page.of(List.of("a", "b", "c"), request, item -> "after-" + item);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
        assertThat(Page.of(List.of("a", "b"), request, item -> "x").nextCursor())
                .isNull();
    }
}
