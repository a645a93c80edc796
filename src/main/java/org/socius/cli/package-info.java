/**
 * The command line in the same jar (picocli): serve, users, workspaces, tokens, backup and
 * restore. Commands that touch data start the application without its web server and use the
 * capabilities' public services.
 */
package org.socius.cli;
