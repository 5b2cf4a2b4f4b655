package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages and emails draw no emoji or symbol as an icon: without an emoji font (many Linux desktops,
 * some mail clients) they show as empty boxes (issue 15, finding 15). Icons are the Bootstrap
 * Icons the app ships ({@code platform/icon.jte}); words stay words.
 */
class TemplatesWithoutEmojiTests {

    /**
     * Pictographs and the symbol blocks they borrow from: technical symbols (⏸), geometric shapes
     * (◆ ●), miscellaneous symbols and dingbats (⚙ ✏ ✕), the emoji planes, and the variation selector
     * that asks for the emoji form of a character. Arrows are left: text fonts have them ("draft →
     * running"), though as icons they are icons too.
     */
    static final Pattern EMOJI =
            Pattern.compile("[\\x{2300}-\\x{23FF}\\x{25A0}-\\x{25FF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}"
                    + "\\x{FE0F}\\x{1F000}-\\x{1FAFF}]");

    @Test
    void noTemplateContainsAnEmoji() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/jte"), Path.of("src/main/jte-text"))) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher emoji = EMOJI.matcher(lines.get(i));
                        while (emoji.find()) {
                            found.add("%s:%d: U+%04X %s"
                                    .formatted(file, i + 1, emoji.group().codePointAt(0), emoji.group()));
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void patternFindsTheEmojiTheWalkthroughFound() {
        assertThat("🎫❓🧪📊⚙️✏️🗑️👍👎➕⬇💡👁✅⚠️✕◆●▶⏸")
                .matches(text -> EMOJI.matcher(text).results().count() >= 20);
        assertThat("Support Tickets · 3 × 4 ≈ 12 – “quoted” … Holm–Bonferroni, draft → running")
                .matches(text -> !EMOJI.matcher(text).find());
    }
}
