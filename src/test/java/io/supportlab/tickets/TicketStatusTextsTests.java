package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every status has its colours in the stylesheet and its words in every language of the emails. */
class TicketStatusTextsTests {

    @Test
    void everyStatusHasABadgeAndATimelineDot() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/app.css"));
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(css).contains(".status-" + status.value() + " { background: ");
            assertThat(css).contains(".status-dot-" + status.value() + "::before { background: ");
        }
    }

    @Test
    void everyStatusIsNamedAndExplainedInTheEmailsOfEveryLanguage() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties messages = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            for (TicketStatus status : TicketStatus.values()) {
                assertThat(messages.getProperty("status." + status.value()))
                        .as(file + " " + status)
                        .isNotBlank();
                assertThat(messages.getProperty("statusUpdate." + status.value()))
                        .as(file + " " + status)
                        .isNotBlank();
            }
            // On hold is staff's wording: customers read that the work goes on.
            assertThat(messages.getProperty("status.on-hold")).isEqualTo(messages.getProperty("status.in-progress"));
        }
    }
}
