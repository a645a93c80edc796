package org.socius.team.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.socius.platform.Cursor;
import org.socius.team.Member;
import org.socius.team.internal.UpdateWorkspaceSettings;
import org.socius.team.internal.WorkspaceStore;
import org.socius.team.internal.security.ApiTokenPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workspaces")
@SecurityRequirement(name = "token")
class WorkspacesApi {

  private final WorkspaceStore workspaces;
  private final UpdateWorkspaceSettings update;

  WorkspacesApi(WorkspaceStore workspaces, UpdateWorkspaceSettings update) {
    this.workspaces = workspaces;
    this.update = update;
  }

  @Operation(summary = "The workspaces this token can see (a token is scoped to one workspace)")
  @GetMapping("/api/v1/workspaces")
  Cursor.Page<ApiJson.WorkspaceJson> list(@AuthenticationPrincipal ApiTokenPrincipal token) {
    List<ApiJson.WorkspaceJson> items = workspaces.findById(token.workspaceId()).map(ApiJson.WorkspaceJson::of).stream().toList();
    return new Cursor.Page<>(items, null);
  }

  @Operation(summary = "One workspace")
  @GetMapping("/api/v1/workspaces/{workspaceId}")
  ApiJson.WorkspaceJson get(Member member) {
    return ApiJson.WorkspaceJson.of(workspaces.findById(member.workspaceId()).orElseThrow());
  }

  @Operation(summary = "Change a workspace's settings (owner); absent fields stay as they are")
  @PatchMapping("/api/v1/workspaces/{workspaceId}")
  ApiJson.WorkspaceJson patch(Member member, @RequestBody UpdateWorkspaceSettings.Form form) {
    return ApiJson.WorkspaceJson.of(update.update(member, form));
  }
}
