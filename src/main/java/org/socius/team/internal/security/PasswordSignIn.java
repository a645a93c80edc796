package org.socius.team.internal.security;

import java.util.List;
import java.util.Locale;
import org.socius.team.internal.UserStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks e-mail and password for the sign-in form, under the {@link SignInLimiter}. */
class PasswordSignIn implements AuthenticationProvider {

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final SignInLimiter limiter;
  private final String dummyHash;

  PasswordSignIn(UserStore users, PasswordEncoder encoder, SignInLimiter limiter) {
    this.users = users;
    this.encoder = encoder;
    this.limiter = limiter;
    // compared against when the e-mail is unknown, so the answer takes as long either way
    this.dummyHash = encoder.encode("no such user: timing equaliser");
  }

  @Override
  public Authentication authenticate(Authentication auth) {
    String email = String.valueOf(auth.getName()).strip().toLowerCase(Locale.ROOT);
    String password = String.valueOf(auth.getCredentials());
    String client = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    long wait = limiter.waitSeconds(email, client);
    if (wait > 0) {
      throw new LockedException(String.valueOf(wait));
    }
    var user = users.findByEmail(email);
    boolean ok = encoder.matches(password, user.map(UserStore.User::passwordHash).orElse(dummyHash)) && user.isPresent();
    if (!ok) {
      limiter.recordFailure(email, client);
      throw new BadCredentialsException("Wrong e-mail address or password");
    }
    limiter.recordSuccess(email);
    var principal = new SignedInUser(user.get().id(), user.get().email());
    var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
    result.setDetails(auth.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }
}
