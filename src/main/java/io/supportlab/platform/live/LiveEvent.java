package io.supportlab.platform.live;

/** A published notice with the id a reconnecting stream names to get what came after it. */
record LiveEvent(String id, String channel, String event, String data) {}
