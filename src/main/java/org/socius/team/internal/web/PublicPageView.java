package org.socius.team.internal.web;

import java.util.List;

/** The public "who is behind this account" page: exactly what it shows, as HTML and as JSON. */
public record PublicPageView(String name, String kind, List<Person> people) {

  public record Person(String name, String role, String bio, String avatar) {}
}
