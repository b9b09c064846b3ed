package org.revtrace.app.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin}: users with role and last login, tokens, and the forms that change them. Every
 * change is a form post (CSRF-protected) answered by a redirect back to the page; a generated
 * password or a new token is shown once, on that next page.
 */
@Controller
@RequestMapping("/admin")
class AdminPageController {

  private static final String BACK = "redirect:/admin";

  private final Administration administration;

  AdminPageController(Administration administration) {
    this.administration = administration;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("users", administration.users());
    model.addAttribute("tokens", administration.tokens());
    model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::code).toList());
    return "admin";
  }

  @PostMapping("/users")
  String createUser(
      @RequestParam String username,
      @RequestParam String role,
      @RequestParam(required = false) String password,
      RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          Administration.PasswordResult created =
              administration.createUser(username.strip(), Administration.role(role), password);
          attributes.addFlashAttribute("done", "admin.done.created");
          attributes.addFlashAttribute("doneUser", created.user().username());
          attributes.addFlashAttribute("password", created.generatedPassword());
        });
  }

  @PostMapping("/users/{username}/role")
  String changeRole(
      @PathVariable String username,
      @RequestParam String role,
      Principal admin,
      RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          administration.update(
              admin.getName(), username, Optional.of(Administration.role(role)), Optional.empty());
          attributes.addFlashAttribute("done", "admin.done.role");
          attributes.addFlashAttribute("doneUser", username);
        });
  }

  @PostMapping("/users/{username}/enabled")
  String setEnabled(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Principal admin,
      RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          administration.update(admin.getName(), username, Optional.empty(), Optional.of(enabled));
          attributes.addFlashAttribute(
              "done", enabled ? "admin.done.enabled" : "admin.done.disabled");
          attributes.addFlashAttribute("doneUser", username);
        });
  }

  @PostMapping("/users/{username}/password")
  String resetPassword(
      @PathVariable String username,
      @RequestParam(required = false) String password,
      RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          Administration.PasswordResult reset = administration.resetPassword(username, password);
          attributes.addFlashAttribute("done", "admin.done.password");
          attributes.addFlashAttribute("doneUser", username);
          attributes.addFlashAttribute("password", reset.generatedPassword());
        });
  }

  @PostMapping("/tokens")
  String issueToken(
      @RequestParam String owner,
      @RequestParam String name,
      @RequestParam(required = false) String role,
      RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          Optional<Role> granted =
              role == null || role.isBlank()
                  ? Optional.empty()
                  : Optional.of(Administration.role(role));
          ApiTokens.IssuedToken issued = administration.issueToken(owner, name, granted);
          attributes.addFlashAttribute("done", "admin.done.token");
          attributes.addFlashAttribute("doneUser", owner);
          attributes.addFlashAttribute("token", issued.token());
        });
  }

  @PostMapping("/tokens/{id}/revoke")
  String revokeToken(@PathVariable long id, RedirectAttributes flash) {
    return apply(
        flash,
        attributes -> {
          TokenRecord token = administration.revokeToken(id, Optional.empty());
          attributes.addFlashAttribute("done", "admin.done.revoked");
          attributes.addFlashAttribute("doneUser", token.owner());
        });
  }

  /** Runs a change; a refusal becomes a message on the page instead of an error page. */
  private static String apply(RedirectAttributes flash, Consumer<RedirectAttributes> change) {
    try {
      change.accept(flash);
    } catch (AdminRefusal refusal) {
      flash.addFlashAttribute("problem", refusal.problem().messageKey());
    }
    return BACK;
  }
}
