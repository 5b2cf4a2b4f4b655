package io.supportlab.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay rules of one instance (SQLite), which keeps its recent events in memory. */
class MemoryBacklogTests {

    final MutableClock clock = new MutableClock();
    final MemoryBacklog backlog = new MemoryBacklog(clock);

    @Test
    void aStreamGetsTheEventsOfItsChannelThatCameAfterItsLastOne() {
        String seen = backlog.append("tickets", "ticket-changed", "a").id();
        backlog.append("tickets", "ticket-changed", "b");
        backlog.append("faq-index", "changed", "x");
        backlog.append("tickets", "ticket-b", "b");

        Replay replay = backlog.since("tickets", seen);

        assertThat(replay.reload()).isFalse();
        assertThat(names(replay)).containsExactly("ticket-changed b", "ticket-b b");
    }

    @Test
    void aStreamThatMissedNothingGetsNothing() {
        backlog.append("tickets", "ticket-changed", "a");
        String last = backlog.append("tickets", "ticket-changed", "b").id();

        assertThat(backlog.since("tickets", last)).isEqualTo(Replay.of(List.of()));
    }

    @Test
    void aRepeatedNoticeIsReplayedOnceWhereItLastCame() {
        String seen = backlog.append("tickets", "ticket-changed", "a").id();
        LiveEvent first = backlog.append("tickets", "ticket-changed", "b");
        backlog.append("tickets", "ticket-changed", "c");
        LiveEvent again = backlog.append("tickets", "ticket-changed", "b");

        Replay replay = backlog.since("tickets", seen);

        assertThat(names(replay)).containsExactly("ticket-changed c", "ticket-changed b");
        assertThat(replay.events().getLast().id()).isEqualTo(again.id());
        assertThat(replay.covered()).as("both b's count as sent").contains(first.id(), again.id());
    }

    @Test
    void moreThanTheLimitMissedIsAReloadThatCarriesTheNewestId() {
        String seen = backlog.append("tickets", "ticket-changed", "start").id();
        for (int i = 0; i < LiveUpdates.REPLAY_LIMIT; i++) {
            backlog.append("tickets", "ticket-changed", "t" + i);
        }
        assertThat(backlog.since("tickets", seen).reload())
                .as("exactly the limit")
                .isFalse();
        String newest =
                backlog.append("tickets", "ticket-changed", "one too many").id();

        Replay replay = backlog.since("tickets", seen);

        assertThat(replay.reload()).isTrue();
        assertThat(replay.currentId()).isEqualTo(newest);
        assertThat(backlog.since("tickets", newest).reload())
                .as("after the reload the stream replays again")
                .isFalse();
    }

    @Test
    void anIdOfAnotherProcessStartOrNoIdAtAllIsAReload() {
        String elsewhere = new MemoryBacklog(clock)
                .append("tickets", "ticket-changed", "a")
                .id();
        String own = backlog.append("tickets", "ticket-changed", "a").id();
        String prefix = own.substring(0, own.indexOf('-') + 1);

        for (String unknown :
                List.of(elsewhere, "17", "", "x-1", prefix + "a", prefix + "-1", prefix + "9".repeat(25))) {
            assertThat(backlog.since("tickets", unknown).reload()).as(unknown).isTrue();
        }
    }

    @Test
    void anIdAheadOfThisProcessIsAReload() {
        String id = backlog.append("tickets", "ticket-changed", "a").id();
        String ahead = id.substring(0, id.lastIndexOf('-') + 1) + "2";

        assertThat(backlog.since("tickets", ahead).reload()).isTrue();
    }

    @Test
    void eventsOlderThanTheRetentionAreForgottenAndAStreamThatMissedThemReloads() {
        String seen = backlog.append("tickets", "ticket-changed", "a").id();
        backlog.append("tickets", "ticket-changed", "b");
        clock.advance(MemoryBacklog.RETENTION.minusSeconds(1));
        assertThat(names(backlog.since("tickets", seen))).containsExactly("ticket-changed b");

        clock.advance(Duration.ofSeconds(2));

        assertThat(backlog.since("tickets", seen).reload()).isTrue();
    }

    @Test
    void aStreamWhoseLastEventIsForgottenButNothingCameAfterItMissedNothing() {
        String last = backlog.append("tickets", "ticket-changed", "a").id();
        clock.advance(MemoryBacklog.RETENTION.plusMinutes(1));

        assertThat(backlog.since("tickets", last)).isEqualTo(Replay.of(List.of()));
    }

    @Test
    void atMostTheCapacityIsHeld() {
        String seen = backlog.append("faq-index", "changed", "first").id();
        for (int i = 0; i < MemoryBacklog.CAPACITY - 1; i++) {
            backlog.append("faq-index", "changed", "n" + i);
        }
        String held = backlog.append("faq-index", "changed", "still held").id();
        assertThat(backlog.since("tickets", seen).reload())
                .as("the capacity, all held")
                .isFalse();

        backlog.append("faq-index", "changed", "pushes the first out");
        backlog.append("faq-index", "changed", "and the second");

        assertThat(backlog.since("tickets", seen).reload()).isTrue();
        assertThat(backlog.since("tickets", held).reload()).isFalse();
    }

    private static List<String> names(Replay replay) {
        return replay.events().stream().map(e -> e.event() + " " + e.data()).toList();
    }
}
