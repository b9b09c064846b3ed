package org.revtrace.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the dashboard at {@code /} is {@code web.dashboard.DashboardController}. */
@Controller
class PageController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
