package org.revtrace.app.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/tokens}: any signed-in user lists, issues (with at most their own role) and
 * revokes their own API tokens; a new token is shown once.
 */
@Controller
@RequestMapping("/account/tokens")
class AccountTokensController {

  private static final String BACK = "redirect:/account/tokens";

  private final Administration administration;

  AccountTokensController(Administration administration) {
    this.administration = administration;
  }

  @GetMapping
  String page(Principal user, Model model) {
    Role own = administration.user(user.getName()).role();
    model.addAttribute("tokens", administration.tokensOf(user.getName()));
    model.addAttribute(
        "roles", Arrays.stream(Role.values()).filter(own::includes).map(Role::code).toList());
    return "account-tokens";
  }

  @PostMapping
  String issue(
      Principal user,
      @RequestParam String name,
      @RequestParam(required = false) String role,
      RedirectAttributes flash) {
    try {
      Optional<Role> granted =
          role == null || role.isBlank()
              ? Optional.empty()
              : Optional.of(Administration.role(role));
      flash.addFlashAttribute(
          "token", administration.issueToken(user.getName(), name, granted).token());
    } catch (AdminRefusal refusal) {
      flash.addFlashAttribute("problem", refusal.problem().messageKey());
    }
    return BACK;
  }

  @PostMapping("/{id}/revoke")
  String revoke(Principal user, @PathVariable long id, RedirectAttributes flash) {
    try {
      administration.revokeToken(id, Optional.of(user.getName()));
      flash.addFlashAttribute("done", "account.tokens.revoked");
    } catch (AdminRefusal refusal) {
      flash.addFlashAttribute("problem", refusal.problem().messageKey());
    }
    return BACK;
  }
}
