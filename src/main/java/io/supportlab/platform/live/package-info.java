/**
 * Live updates: Server-Sent Events to open pages, published in-process on SQLite and through PostgreSQL LISTEN/NOTIFY across instances.
 */
@NamedInterface("live")
@NullMarked
package io.supportlab.platform.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
