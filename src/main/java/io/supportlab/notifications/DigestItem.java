package io.supportlab.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification summarised in a digest email. */
public record DigestItem(String subject, @Nullable String excerpt, Instant createdAt) {}
