package org.socius.team.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.socius.team.internal.ApiTokenStore;
import org.socius.team.internal.SetUpInstallation;
import org.socius.team.internal.UserStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: the API ({@code /api/**}) is stateless and takes personal API tokens only, so it
 * needs no CSRF token; pages use form sign-in with a session in the database and CSRF tokens
 * on every form. Both send a Content-Security-Policy that forbids inline script.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String CSP = org.socius.platform.web.ContentSecurityPolicy.PAGES;

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradeable by prefix
  }

  @Bean
  PasswordSignIn passwordSignIn(UserStore users, PasswordEncoder encoder, SignInLimiter limiter) {
    return new PasswordSignIn(users, encoder, limiter);
  }

  @Bean
  @ConditionalOnWebApplication
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokenStore tokens, ApiErrors errors, Clock clock) throws Exception {
    http.securityMatcher("/api/v1/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .securityContext(c -> c.requireExplicitSave(true))
        .addFilterBefore(new BearerTokenFilter(tokens, errors, clock), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> errors.write(res, 401, "Unauthorized",
                "Send a personal API token as 'Authorization: Bearer …' (create one under Settings → API tokens)"))
            .accessDeniedHandler((req, res, ex) -> errors.write(res, 403, "Forbidden", "Not allowed")))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
    return http.build();
  }

  @Bean
  @ConditionalOnWebApplication
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, PasswordSignIn signIn, SetUpInstallation setup,
      @Value("${socius.metrics-token:}") String metricsToken) throws Exception {
    // exactly this provider: added with authenticationProvider(), it ran a second time as the global
    // parent manager's (a single AuthenticationProvider bean is picked up there), so a wrong password
    // was checked and counted twice and the limiter locked after the third attempt instead of the fifth
    http.authenticationManager(new ProviderManager(signIn))
        .addFilterBefore(new SetupRedirectFilter(setup), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/setup", "/signin", "/invite/**", "/p/**", "/avatars/**", "/css/**", "/js/**", "/img/**",
                "/favicon.ico", "/manifest.webmanifest", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
                "/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/swagger-ui/**").permitAll()
            .requestMatchers("/actuator/prometheus").access((auth, ctx) ->
                new AuthorizationDecision(isLoopback(ctx.getRequest()) || bearerMatches(ctx.getRequest(), metricsToken)))
            .requestMatchers("/actuator/**").denyAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/signin").loginProcessingUrl("/signin").usernameParameter("email")
            .passwordParameter("password").defaultSuccessUrl("/", false).failureHandler(failureHandler()).permitAll())
        .logout(l -> l.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout").deleteCookies("SOCIUS_SESSION"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(f -> f.deny())
            .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()")));
    return http.build();
  }

  private static AuthenticationFailureHandler failureHandler() {
    return (request, response, exception) -> {
      String target = exception instanceof LockedException locked ? "/signin?locked=" + locked.getMessage() : "/signin?error";
      response.sendRedirect(request.getContextPath() + target);
    };
  }

  static boolean isLoopback(HttpServletRequest request) {
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean bearerMatches(HttpServletRequest request, String expected) {
    String header = request.getHeader("Authorization");
    if (expected == null || expected.isBlank() || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
  }
}
