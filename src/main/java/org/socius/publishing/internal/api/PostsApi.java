package org.socius.publishing.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.socius.platform.Cursor;
import org.socius.platform.DomainException;
import org.socius.publishing.internal.ComposePost;
import org.socius.publishing.internal.DeletePost;
import org.socius.publishing.internal.EditPost;
import org.socius.publishing.internal.PostLists;
import org.socius.publishing.internal.ReviewPost;
import org.socius.publishing.internal.Stage;
import org.socius.team.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Posts")
@SecurityRequirement(name = "token")
class PostsApi {

  private final ComposePost compose;
  private final EditPost edit;
  private final DeletePost delete;
  private final ReviewPost review;
  private final PostLists lists;

  PostsApi(ComposePost compose, EditPost edit, DeletePost delete, ReviewPost review, PostLists lists) {
    this.compose = compose;
    this.edit = edit;
    this.delete = delete;
    this.review = review;
    this.lists = lists;
  }

  @Operation(summary = "Compose a post for one or more channels: save a draft, add to the queue, schedule at a time, or share now")
  @PostMapping("/api/v1/workspaces/{workspaceId}/posts")
  ResponseEntity<PostJson.Post> create(Member member, @RequestBody PostJson.Write body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(PostJson.Post.of(compose.compose(member, body.form())));
  }

  @Operation(summary = "Posts in one stage (draft, pending, returned, ready), newest first")
  @GetMapping("/api/v1/workspaces/{workspaceId}/posts")
  Cursor.Page<PostJson.Post> list(Member member, @RequestParam(defaultValue = "ready") String stage,
      @RequestParam(required = false) Integer limit) {
    Stage wanted;
    try {
      wanted = Stage.valueOf(stage.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("stage", "problem.stage");
    }
    List<PostJson.Post> posts = lists.inStage(member, wanted, false, Cursor.limit(limit)).stream().map(PostJson.Post::of).toList();
    return new Cursor.Page<>(posts, null);
  }

  @Operation(summary = "One post with its deliveries")
  @GetMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}")
  PostJson.Post get(Member member, @PathVariable String postId) {
    return PostJson.Post.of(lists.post(member, postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post")));
  }

  @Operation(summary = "Change a post that has not gone out yet")
  @PutMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}")
  PostJson.Post change(Member member, @PathVariable String postId, @RequestBody PostJson.Write body) {
    return PostJson.Post.of(edit.edit(member, postId, body.form()));
  }

  @Operation(summary = "Delete a post that has not gone out (published deliveries stay in the history)")
  @DeleteMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}")
  ResponseEntity<Void> remove(Member member, @PathVariable String postId) {
    delete.delete(member, postId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Approve a post that waits for an owner")
  @PostMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}/approve")
  PostJson.Post approve(Member member, @PathVariable String postId) {
    return PostJson.Post.of(review.approve(member, postId));
  }

  @Operation(summary = "Send a waiting post back to its author with a note")
  @PostMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}/return")
  PostJson.Post sendBack(Member member, @PathVariable String postId, @RequestBody PostJson.Note body) {
    return PostJson.Post.of(review.sendBack(member, postId, body.note()));
  }

  @Operation(summary = "Comment on a post")
  @PostMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}/comments")
  ResponseEntity<List<ReviewPost.Note>> comment(Member member, @PathVariable String postId, @RequestBody PostJson.Note body) {
    review.comment(member, postId, body.note());
    return ResponseEntity.status(HttpStatus.CREATED).body(review.notes(member, postId));
  }

  @Operation(summary = "Comments, sendings back and approvals of a post")
  @GetMapping("/api/v1/workspaces/{workspaceId}/posts/{postId}/comments")
  List<ReviewPost.Note> notes(Member member, @PathVariable String postId) {
    return review.notes(member, postId);
  }
}
