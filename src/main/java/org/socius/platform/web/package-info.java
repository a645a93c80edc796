/** The web shell shared by every capability's pages: page model, messages, error handling. */
@org.springframework.modulith.NamedInterface("web")
package org.socius.platform.web;
