package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTests {

    @Test
    void cursorCarriesTheSortKeyOfTheLastItem() {
        String cursor = PageRequest.cursor("2025-01-02T03:04:05.000006Z", "id-7");
        PageRequest request = PageRequest.of(10, cursor, 2);
        assertThat(request.after()).containsExactly("2025-01-02T03:04:05.000006Z", "id-7");
        assertThat(request.probeSize()).isEqualTo(11);
    }

    @Test
    void defaultsToFirstPageWithTheDefaultLimit() {
        PageRequest request = PageRequest.of(null, null, 2);
        assertThat(request.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.after()).isNull();
    }

    @Test
    void rejectsLimitOutOfRange() {
        assertThatThrownBy(() -> PageRequest.of(0, null, 2))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("limit", "must be between 1 and 200")));
        assertThatThrownBy(() -> PageRequest.of(201, null, 2)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void rejectsForeignOrDamagedCursors() {
        assertThatThrownBy(() -> PageRequest.of(5, "%%%not-base64", 2)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PageRequest.of(5, PageRequest.cursor("only-one-part"), 2))
                .isInstanceOf(InvalidRequestException.class);
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
