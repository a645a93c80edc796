package org.socius.publishing.internal.web;

/** One weekday on the posting slots form: its code (the field name), its name, and the times as written. */
public record SlotDay(String code, String label, String value) {}
