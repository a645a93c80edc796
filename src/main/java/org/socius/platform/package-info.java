/**
 * What every capability shares: the data directory and database, time, identifiers,
 * encryption of secrets at rest, the outbound HTTP policy with its SSRF guard, and the
 * web shell ({@code platform.web}).
 */
package org.socius.platform;
