package org.socius.team.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.internal.MemberStore;
import org.socius.team.internal.security.ApiTokenPrincipal;
import org.socius.team.internal.security.SignedInUser;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves a {@link Member} parameter: the signed-in user's membership of the workspace named by
 * {@code {slug}}, or the API token's membership of {@code {workspaceId}}, which must be the
 * token's own workspace. Anyone else gets 404.
 */
@Component
public class MemberResolver implements HandlerMethodArgumentResolver {

  private final MemberStore members;

  MemberResolver(MemberStore members) {
    this.members = members;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Member.class;
  }

  @Override
  public Member resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web, WebDataBinderFactory binders) {
    HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
    @SuppressWarnings("unchecked")
    Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return resolve(SecurityContextHolder.getContext().getAuthentication(), vars == null ? Map.of() : vars);
  }

  public Member resolve(Authentication auth, Map<String, String> vars) {
    Object principal = auth == null ? null : auth.getPrincipal();
    if (principal instanceof SignedInUser user && vars.containsKey("slug")) {
      return members.memberBySlug(vars.get("slug"), user.userId()).orElseThrow(MemberResolver::notFound);
    }
    if (principal instanceof ApiTokenPrincipal token && token.workspaceId().equals(vars.get("workspaceId"))) {
      Member member = members.memberById(token.workspaceId(), token.userId()).orElseThrow(MemberResolver::notFound);
      Role effective = Role.lesser(token.role(), member.role());
      return new Member(member.memberId(), member.workspaceId(), member.workspaceSlug(), member.workspaceName(), member.userId(),
          member.displayName(), effective, token.tokenId());
    }
    throw notFound();
  }

  private static DomainException notFound() {
    return new DomainException.NotFound("problem.no-workspace");
  }
}
