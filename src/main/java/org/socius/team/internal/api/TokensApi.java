package org.socius.team.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socius.platform.Cursor;
import org.socius.team.Member;
import org.socius.team.internal.ApiTokenStore;
import org.socius.team.internal.CreateApiToken;
import org.socius.team.internal.RevokeApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API tokens")
@SecurityRequirement(name = "token")
class TokensApi {

  /** @param personalMessages may send replies, mentions, messages, likes and reposts; only a browser session grants it */
  record NewToken(String name, String role, Boolean personalMessages) {}

  private final ApiTokenStore tokens;
  private final CreateApiToken create;
  private final RevokeApiToken revoke;

  TokensApi(ApiTokenStore tokens, CreateApiToken create, RevokeApiToken revoke) {
    this.tokens = tokens;
    this.create = create;
    this.revoke = revoke;
  }

  @Operation(summary = "Your active tokens for this workspace")
  @GetMapping("/api/v1/workspaces/{workspaceId}/tokens")
  Cursor.Page<ApiJson.TokenJson> list(Member member) {
    return new Cursor.Page<>(tokens.forMember(member.workspaceId(), member.userId()).stream().map(ApiJson.TokenJson::of).toList(), null);
  }

  @Operation(summary = "Create a token with your role or a lesser one; the secret is in this answer only")
  @PostMapping("/api/v1/workspaces/{workspaceId}/tokens")
  ResponseEntity<ApiJson.CreatedToken> create(Member member, @RequestBody NewToken body) {
    var created = create.create(member, body.name(), body.role(), Boolean.TRUE.equals(body.personalMessages()));
    return ResponseEntity.status(HttpStatus.CREATED).body(new ApiJson.CreatedToken(ApiJson.TokenJson.of(created.token()), created.secret()));
  }

  @Operation(summary = "Revoke one of your tokens")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/tokens/{tokenId}")
  ResponseEntity<Void> revoke(Member member, @PathVariable String tokenId) {
    revoke.revoke(member, tokenId);
    return ResponseEntity.noContent().build();
  }
}
