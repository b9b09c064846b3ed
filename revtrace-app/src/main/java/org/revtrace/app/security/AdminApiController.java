package org.revtrace.app.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin}: users and API tokens for scripts (admins only). Refused requests answer an
 * RFC 9457 problem whose {@code code} names the rule ({@link AdminProblem}).
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Users and API tokens; needs the admin role.")
class AdminApiController {

  /** A user as the API shows it. */
  record UserView(
      String username,
      String role,
      boolean enabled,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("last_login") Instant lastLogin) {

    static UserView of(UserAccount user) {
      return new UserView(
          user.username(), user.role().code(), user.enabled(), user.createdAt(), user.lastLogin());
    }
  }

  /** A new user; without a password one is generated and answered once. */
  record NewUser(String username, String role, String password) {}

  /** A created user, with the generated password (null when one was given). */
  record CreatedUser(UserView user, String password) {}

  /** A change of role and/or enabled flag; absent fields stay as they are. */
  record UserChange(String role, Boolean enabled) {}

  /** A token to issue; owner defaults to the caller, role to the owner's role. */
  record NewToken(String name, String owner, String role) {}

  /** A token as the API shows it (never the token itself). */
  record TokenView(
      long id,
      String name,
      String owner,
      String role,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("last_used") Instant lastUsed,
      @JsonProperty("revoked_at") Instant revokedAt) {

    static TokenView of(TokenRecord token) {
      return new TokenView(
          token.id(),
          token.name(),
          token.owner(),
          token.role().code(),
          token.createdAt(),
          token.lastUsed(),
          token.revokedAt());
    }
  }

  /** A token just issued: {@code token} is shown this once. */
  record IssuedTokenView(
      long id,
      String name,
      String owner,
      String role,
      @JsonProperty("created_at") Instant createdAt,
      String token) {

    static IssuedTokenView of(ApiTokens.IssuedToken issued) {
      TokenRecord record = issued.record();
      return new IssuedTokenView(
          record.id(),
          record.name(),
          record.owner(),
          record.role().code(),
          record.createdAt(),
          issued.token());
    }
  }

  private final Administration administration;

  AdminApiController(Administration administration) {
    this.administration = administration;
  }

  @Operation(summary = "Every user, by name.")
  @GetMapping("/users")
  List<UserView> users() {
    return administration.users().stream().map(UserView::of).toList();
  }

  @Operation(
      summary = "Create a user.",
      description =
          "Username: 2-64 of a-z 0-9 . _ -; role: admin, analyst or viewer; password: at least 12"
              + " characters, or absent to generate one (answered once).")
  @ApiResponse(responseCode = "201", description = "Created.")
  @ApiResponse(responseCode = "400", description = "Bad name, role or password (problem).")
  @ApiResponse(responseCode = "409", description = "The name is taken (problem).")
  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  CreatedUser createUser(@RequestBody NewUser user) {
    Administration.PasswordResult created =
        administration.createUser(
            user.username(), Administration.role(user.role()), user.password());
    return new CreatedUser(UserView.of(created.user()), created.generatedPassword());
  }

  @Operation(
      summary = "Change a user's role and/or enabled flag.",
      description = "Refused (409) for the last enabled admin and for disabling yourself.")
  @ApiResponse(responseCode = "404", description = "No such user (problem).")
  @ApiResponse(responseCode = "409", description = "Would leave no enabled admin, or disable you.")
  @PatchMapping("/users/{username}")
  UserView changeUser(
      @PathVariable String username, @RequestBody UserChange change, Principal admin) {
    Optional<Role> role =
        change.role() == null ? Optional.empty() : Optional.of(Administration.role(change.role()));
    return UserView.of(
        administration.update(
            admin.getName(), username, role, Optional.ofNullable(change.enabled())));
  }

  @Operation(summary = "Every token (active and revoked), newest first; never the token text.")
  @GetMapping("/tokens")
  List<TokenView> tokens() {
    return administration.tokens().stream().map(TokenView::of).toList();
  }

  @Operation(
      summary = "Issue an API token; the answer is the only time the token is shown.",
      description = "Role at most the owner's role (default: the owner's role).")
  @ApiResponse(responseCode = "201", description = "Issued.")
  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  IssuedTokenView issueToken(@RequestBody NewToken token, Principal admin) {
    String owner = token.owner() == null ? admin.getName() : token.owner();
    Optional<Role> role =
        token.role() == null ? Optional.empty() : Optional.of(Administration.role(token.role()));
    ApiTokens.IssuedToken issued = administration.issueToken(owner, token.name(), role);
    return IssuedTokenView.of(issued);
  }

  @Operation(summary = "Revoke a token: it answers 401 from now on.")
  @ApiResponse(responseCode = "204", description = "Revoked (or already revoked).")
  @ApiResponse(responseCode = "404", description = "No such token (problem).")
  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeToken(@PathVariable long id) {
    administration.revokeToken(id, Optional.empty());
  }

  @ExceptionHandler(AdminRefusal.class)
  ProblemDetail refused(AdminRefusal refusal) {
    return problem(refusal);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "the body is not the JSON object this request takes");
    problem.setTitle("Request refused");
    problem.setProperty("code", "BAD_JSON");
    return problem;
  }

  static ProblemDetail problem(AdminRefusal refusal) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.valueOf(refusal.problem().status()), refusal.getMessage());
    problem.setTitle("Request refused");
    problem.setProperty("code", refusal.problem().name());
    return problem;
  }
}
