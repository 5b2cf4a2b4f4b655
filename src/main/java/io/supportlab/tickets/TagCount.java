package io.supportlab.tickets;

/**
 * A tag and on how many tickets it is, for suggestions while typing one.
 *
 * @param tickets how many tickets carry it
 */
public record TagCount(String tag, long tickets) {}
