package io.supportlab.platform.live;

/** Where a reconnecting stream's missed events are read from: memory (SQLite) or the database. */
@FunctionalInterface
interface Backlog {

    /** What a stream of {@code channel} missed after the event {@code lastEventId}. */
    Replay since(String channel, String lastEventId);
}
