package org.revtrace.core.identity;

import java.util.Locale;

/** Reading company domains from account rows and e-mail values. */
final class Domains {

  private Domains() {}

  /**
   * An account's domain as written in {@code accounts.csv}, reduced to a host: lower case, without
   * scheme, {@code www.}, port, path or trailing dot ({@code https://www.Example.com/ru} → {@code
   * example.com}); null when nothing is left.
   */
  static String ofAccount(String domain) {
    if (domain == null) {
      return null;
    }
    String host = domain.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      host = host.substring(at + 1);
    }
    for (char end : new char[] {'/', '?', '#', ':'}) {
      int cut = host.indexOf(end);
      if (cut >= 0) {
        host = host.substring(0, cut);
      }
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host.indexOf('.') > 0 ? host : null;
  }

  /**
   * The domain of a stored e-mail value ({@code <hash>@domain} as the importer writes it, or a
   * plain address), lower case; null when the value has none.
   */
  static String ofEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return null;
    }
    return ofAccount(email.substring(at + 1));
  }

  /** The domain one label up ({@code a.example.com} → {@code example.com}); null at two labels. */
  static String parent(String domain) {
    int dot = domain.indexOf('.');
    if (dot < 0 || domain.indexOf('.', dot + 1) < 0) {
      return null;
    }
    return domain.substring(dot + 1);
  }
}
