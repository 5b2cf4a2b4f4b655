package io.supportlab.tickets;

/**
 * A customer asked for a new access link and has tickets with us; the link goes to them by email.
 * Not published for addresses without tickets, so the form cannot be used to spam strangers.
 */
public record CustomerAccessRequested(String email) {}
