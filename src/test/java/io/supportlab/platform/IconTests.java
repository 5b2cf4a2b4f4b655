package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;

/** Every icon a template names is drawn by app.css from an SVG that the bootstrap-icons WebJar ships. */
class IconTests {

    static final Path STYLESHEET = Path.of("src/main/resources/static/css/app.css");
    static final Pattern ICON_IN_TEMPLATE = Pattern.compile("@template\\.platform\\.icon\\(name = \"([a-z0-9-]+)\"");
    static final Pattern ICON_IN_CSS = Pattern.compile("/webjars/bootstrap-icons/icons/([a-z0-9-]+)\\.svg");

    @Test
    void everyIconInATemplateHasItsRuleInTheStylesheet() throws IOException {
        String css = Files.readString(STYLESHEET);
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                ICON_IN_TEMPLATE
                        .matcher(Files.readString(file))
                        .results()
                        .map(match -> match.group(1))
                        .forEach(names::add);
            }
        }
        assertThat(names).contains("ticket-perforated", "question-circle", "flask");
        assertThat(names)
                .allSatisfy(name -> assertThat(css)
                        .contains(".icon-%s { --icon: url(/webjars/bootstrap-icons/icons/%s.svg); }"
                                .formatted(name, name)));
    }

    @Test
    void everyIconInTheStylesheetIsInTheWebJar() throws IOException {
        List<String> names = ICON_IN_CSS
                .matcher(Files.readString(STYLESHEET))
                .results()
                .map(MatchResult::group)
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .toList();
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        assertThat(names).isNotEmpty().allSatisfy(svg -> {
            String path = webJars.fullPath("bootstrap-icons", "icons/" + svg);
            assertThat(path).as(svg).isNotNull();
            assertThat(getClass().getClassLoader().getResource(path)).as(svg).isNotNull();
        });
    }
}
