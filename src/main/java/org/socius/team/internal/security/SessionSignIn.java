package org.socius.team.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a person in right after they created their account (setup, invitation). */
@Component
public class SessionSignIn {

  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

  public void signIn(HttpServletRequest request, HttpServletResponse response, String userId, String email) {
    request.getSession(true);
    request.changeSessionId(); // no session fixation across the sign-in
    var auth = UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(userId, email), null,
        List.of(new SimpleGrantedAuthority("ROLE_USER")));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    repository.saveContext(context, request, response);
  }

  /** The signed-in user's id on a page request, or null. */
  public static String currentUserId() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user.userId() : null;
  }
}
