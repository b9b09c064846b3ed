package org.revtrace.app.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of {@link UserAccounts}: form login checks the BCrypt hash stored there, a
 * disabled user cannot log in, and a hash in an outdated format is replaced after a good login.
 */
final class StoredUsers implements UserDetailsService, UserDetailsPasswordService {

  private final UserAccounts accounts;

  StoredUsers(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccounts.StoredUser user =
        accounts
            .findStored(username)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return details(user.account(), user.passwordHash());
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
    accounts.setPasswordHash(user.getUsername(), newPasswordHash);
    return User.withUserDetails(user).password(newPasswordHash).build();
  }

  private static UserDetails details(UserAccount account, String passwordHash) {
    return User.withUsername(account.username())
        .password(passwordHash)
        .roles(account.role().name())
        .disabled(!account.enabled())
        .build();
  }
}
