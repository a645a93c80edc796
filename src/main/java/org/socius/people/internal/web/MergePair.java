package org.socius.people.internal.web;

import org.socius.people.Person;

/** Two people suggested as one, with the reason's message key and what both share. */
public record MergePair(Person one, Person other, String reason, String evidence) {}
