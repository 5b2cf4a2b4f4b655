/** The Support Tickets feature. */
@NullMarked
package io.supportlab.tickets;

import org.jspecify.annotations.NullMarked;
