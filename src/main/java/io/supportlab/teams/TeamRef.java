package io.supportlab.teams;

/** A team as a ticket refers to it. */
public record TeamRef(String id, String name, AssignmentMode assignment) {}
