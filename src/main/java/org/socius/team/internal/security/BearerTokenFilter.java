package org.socius.team.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.socius.platform.Hashes;
import org.socius.team.Role;
import org.socius.team.internal.ApiTokenStore;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests that carry {@code Authorization: Bearer soc_…}. */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokenStore tokens;
  private final ApiErrors errors;
  private final Clock clock;

  BearerTokenFilter(ApiTokenStore tokens, ApiErrors errors, Clock clock) {
    this.tokens = tokens;
    this.errors = errors;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    String secret = header.substring(7).strip();
    var token = tokens.findActiveByHash(Hashes.sha256(secret));
    if (token.isEmpty()) {
      errors.write(response, 401, "Unauthorized", "The API token is unknown or was revoked");
      return;
    }
    var t = token.get();
    tokens.touch(t.id(), clock.millis());
    var principal = new ApiTokenPrincipal(t.id(), t.userId(), t.workspaceId(), Role.parse("role", t.role()), t.personalMessages());
    SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(principal));
    chain.doFilter(request, response);
  }

  static final class TokenAuthentication extends AbstractAuthenticationToken {
    private final ApiTokenPrincipal principal;

    TokenAuthentication(ApiTokenPrincipal principal) {
      super(List.of(new SimpleGrantedAuthority("ROLE_API")));
      this.principal = principal;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return principal;
    }
  }
}
