/**
 * Socius: a self-hosted, relationship-first social media workbench. Each top-level package is
 * one capability (see docs/architecture.md); {@code platform} is shared by all of them.
 */
package org.socius;
