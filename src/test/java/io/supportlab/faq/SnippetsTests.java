package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.faq.Snippets.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    @Test
    void overlappingAndTouchingRangesAreMerged() {
        assertThat(Snippets.merge(List.of(new Range(5, 9), new Range(0, 3), new Range(2, 5))))
                .containsExactly(new Range(0, 9));
    }

    @Test
    void wholeTextIsEscapedWithMatchesMarked() {
        assertThat(Snippets.whole("a <b> & c", List.of(new Range(3, 4)), 100))
                .isEqualTo("a &lt;<mark>b</mark>&gt; &amp; c");
    }

    @Test
    void wholeTextIsCutAtTheLimit() {
        assertThat(Snippets.whole("abcdefghij", List.of(), 4)).isEqualTo("abcd…");
    }

    @Test
    void windowStartsShortlyBeforeTheFirstMatchAndEndsOnAWordBoundary() {
        String text = "one two three four five six seven eight nine ten eleven twelve";

        String window = Snippets.window(text, List.of(new Range(34, 39)), 20);

        assertThat(window).isEqualTo("…seven <mark>eight</mark> nine ten…");
    }

    @Test
    void windowNeverSplitsASurrogatePair() {
        String text = "🔑".repeat(30);

        String window = Snippets.window(text, List.of(), 11);

        assertThat(window).isEqualTo("🔑".repeat(5) + "…");
    }
}
