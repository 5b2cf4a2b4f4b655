/**
 * Communication with customers: the notification outbox (the seed's {@code notifications} table,
 * written in the transaction of the change that causes it), its dispatcher and mail providers,
 * email templates, per-address preferences, daily and weekly digests, and unsubscribe links.
 *
 * <p>Listens to events of {@code tickets}; uses {@code accounts} for signed links; exports and
 * erases an address's emails and preferences for {@code privacy}. Nothing depends on this package.
 */
@NullMarked
package io.supportlab.notifications;

import org.jspecify.annotations.NullMarked;
