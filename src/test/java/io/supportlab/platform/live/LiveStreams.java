package io.supportlab.platform.live;

/** Test access to this instance's open live-update streams. */
public final class LiveStreams {

    private LiveStreams() {}

    /** Ends every open stream of {@code live}, as the end of a stream's lifetime does. */
    public static void endAll(LiveUpdates live) {
        switch (live) {
            case LocalLiveUpdates local -> local.endStreams();
            case PostgresLiveUpdates postgres -> postgres.endStreams();
            default -> throw new IllegalArgumentException("Unknown live updates " + live.getClass());
        }
    }
}
