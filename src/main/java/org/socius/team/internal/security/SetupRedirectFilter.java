package org.socius.team.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.socius.team.internal.SetUpInstallation;

import org.springframework.web.filter.OncePerRequestFilter;

/** Until the owner has been created, every page leads to the first-run setup. */

class SetupRedirectFilter extends OncePerRequestFilter {

  private final SetUpInstallation setup;
  private volatile boolean done;

  SetupRedirectFilter(SetUpInstallation setup) {
    this.setup = setup;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!done) {
      done = setup.isDone(); // once set up, always set up: no more queries
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!done && "GET".equals(request.getMethod()) && !path.equals("/setup") && !isAsset(path)) {
      response.sendRedirect(request.getContextPath() + "/setup");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isAsset(String path) {
    return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/actuator/")
        || path.equals("/favicon.ico") || path.equals("/manifest.webmanifest");
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}
