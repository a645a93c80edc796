/**
 * Compose once for several channels, queue into weekly posting slots, approve, and deliver each
 * post on time exactly once (db-scheduler claims it, the networks capability publishes it under
 * an idempotency key). Other capabilities start drafts through {@link org.socius.publishing.Drafts}.
 */
package org.socius.publishing;
