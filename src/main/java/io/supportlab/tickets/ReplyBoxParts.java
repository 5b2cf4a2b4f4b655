package io.supportlab.tickets;

/**
 * What another feature adds to the reply box of a ticket's staff page, from its own addresses: the
 * macros picker. As with {@link TicketPageParts}, the page knows the address only through this
 * interface, which the macros feature implements, so that the dependency is visible to the module
 * check and points from macros to tickets. Whatever the picker does happens in its own requests; a
 * reply sent without it is this feature's plain reply.
 */
public interface ReplyBoxParts {

    /** The htmx fragment that lets an agent search and pick a macro for a reply to this ticket. */
    String macroPickerPath(String ticketId);
}
