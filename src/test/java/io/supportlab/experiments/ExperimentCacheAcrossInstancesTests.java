package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances share one PostgreSQL database, each with its own experiment cache: a pause or
 * an edit on one instance must stop the others' assignments as soon as its notice arrives, not when
 * their cached copy expires. Here the other instance's write is made in the database directly and
 * its notice published as that instance publishes it; on PostgreSQL the notice makes the round trip
 * through {@code NOTIFY} and the listening connection.
 */
class ExperimentCacheAcrossInstancesTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        /** Far below the cache's time to live: only the notice can explain a fresh read. */
        static final Duration NOTICE_WAIT = ExperimentCache.TIME_TO_LIVE.dividedBy(2);

        @Autowired
        ExperimentCache cache;

        @Autowired
        LiveUpdates live;

        ExperimentRequests requests;

        final List<String> settled = new CopyOnWriteArrayList<>();

        @BeforeEach
        void requests() {
            requests = new ExperimentRequests(JsonMapper.builder().build(), admin());
            live.listen(ExperimentCache.CHANGES, (event, data) -> settled.add(event + " " + data));
        }

        /**
         * Waits until the notices of the changes made so far (this instance's own, which on
         * PostgreSQL come back through NOTIFY a moment later) have been handled: notices are
         * handled in order, so a later one heard means the earlier ones were.
         */
        void settle() {
            String token = "settle " + UUID.randomUUID();
            live.signal(ExperimentCache.CHANGES, "settle", token);
            await().atMost(NOTICE_WAIT).until(() -> settled.contains("settle " + token));
        }

        @Test
        void anotherInstancesNoticeEndsTheCachedCopyAtOnce() {
            String id = requests.running("shared-settings", "Shared settings");
            settle();
            assertThat(cache.get("shared-settings").orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);

            // Another instance pauses it: its write, then (after its commit) its notice.
            jdbc.sql("UPDATE ab_tests SET status = 'paused' WHERE id = :id")
                    .param("id", id)
                    .update();
            assertThat(cache.get("shared-settings").orElseThrow().status())
                    .as("still the cached copy: nothing told this instance yet")
                    .isEqualTo(ExperimentStatus.RUNNING);
            live.signal(ExperimentCache.CHANGES, "changed", id + " shared-settings");

            await().atMost(NOTICE_WAIT)
                    .untilAsserted(() ->
                            assertThat(cache.get(id).orElseThrow().status()).isEqualTo(ExperimentStatus.PAUSED));
            assertThat(cache.get("shared-settings").orElseThrow().status()).isEqualTo(ExperimentStatus.PAUSED);
        }

        @Test
        void aChangeHereIsAnnouncedToTheOtherInstancesAfterItsCommit() {
            List<String> heard = new CopyOnWriteArrayList<>();
            live.listen(ExperimentCache.CHANGES, (event, data) -> heard.add(event + " " + data));
            String id = requests.running("announced", "Announced");
            settle();
            heard.clear();

            requests.setStatus(id, "paused", 200);

            await().atMost(NOTICE_WAIT).untilAsserted(() -> assertThat(heard).contains("changed " + id + " announced"));
        }

        @Test
        void aNoticeOfAnotherKindOrAboutAnUnknownExperimentLeavesTheCacheAlone() {
            String untouched = requests.running("untouched", "Untouched");
            String marker = requests.running("marker", "Marker");
            settle();
            assertThat(cache.get(untouched)).isPresent();
            assertThat(cache.get(marker)).isPresent();
            jdbc.sql("UPDATE ab_tests SET status = 'paused'").update();

            live.signal(ExperimentCache.CHANGES, "changed", "no-such-id");
            live.signal(ExperimentCache.CHANGES, "renamed", untouched + " untouched");
            live.signal(ExperimentCache.CHANGES, "changed", marker + " marker");

            // Notices arrive in order: once the marker's took effect, the two before it were handled.
            await().atMost(NOTICE_WAIT)
                    .untilAsserted(() ->
                            assertThat(cache.get(marker).orElseThrow().status()).isEqualTo(ExperimentStatus.PAUSED));
            assertThat(cache.get(untouched).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
        }
    }
}
