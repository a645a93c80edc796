package org.socius.platform.web;

import org.socius.platform.DomainException;

/** A form field that was refused, and why; templates show it beside the field. */
public record FormError(String field, String message) {

  public static FormError of(DomainException.Invalid e) {
    return new FormError(e.field(), e.messageIn(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
  }

  public boolean is(String name) {
    return field.equals(name);
  }

  /** The message when it belongs to this field, else null (for templates). */
  public static String on(FormError error, String name) {
    return error != null && error.is(name) ? error.message() : null;
  }
}
