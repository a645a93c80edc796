package org.socius.inbox.internal.greet;

/** What the greeting form holds when the page is shown again after a refusal. */
public record GreetDraft(String text, String how, String replyTo, boolean formLetter) {}
