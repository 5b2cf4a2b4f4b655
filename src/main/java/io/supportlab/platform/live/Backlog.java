package io.supportlab.platform.live;

/** Where a reconnecting stream's missed events are read from: memory (SQLite) or the database. */
@FunctionalInterface
interface Backlog {

    /** At most this many missed events of one channel are replayed; more, and the page reloads. */
    int REPLAY_LIMIT = 100;

    /** What a stream of {@code channel} missed after the event {@code lastEventId}. */
    Replay since(String channel, String lastEventId);
}
