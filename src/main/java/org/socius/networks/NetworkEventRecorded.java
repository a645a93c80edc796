package org.socius.networks;

/** Published after a new event was stored (once per event), for people, inbox and insights. */
public record NetworkEventRecorded(NetworkEvent event) {}
