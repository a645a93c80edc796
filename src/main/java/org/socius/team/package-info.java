/**
 * Users, workspaces (one per brand or person), roles, sign-in, API tokens, member profiles and
 * signatures, and the public "who is behind this account" page. Other capabilities learn who is
 * acting through {@link org.socius.team.Member} (a controller parameter) and read workspaces and
 * profiles through {@link org.socius.team.Workspaces}.
 */
package org.socius.team;
