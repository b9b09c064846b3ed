package org.revtrace.core.identity;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bundled list of free-mail domains ({@code free-mail-domains.properties} beside this class,
 * one domain a line).
 *
 * <p>The list is read as a resource bundle, so the core reads class-path data the same way it loads
 * classes and does no file I/O of its own.
 */
public final class FreeMailDomains {

  private static final String BUNDLE = "org.revtrace.core.identity.free-mail-domains";

  private static final Set<String> BUNDLED = load();

  private FreeMailDomains() {}

  /** The bundled domains, lower case. */
  public static Set<String> bundled() {
    return BUNDLED;
  }

  /**
   * Whether {@code domain} or one of its parent domains is in {@code domains} ({@code corp.mail.ru}
   * is free-mail because {@code mail.ru} is).
   */
  static boolean contains(Set<String> domains, String domain) {
    for (String d = domain; d != null; d = Domains.parent(d)) {
      if (domains.contains(d)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> load() {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.ROOT,
            FreeMailDomains.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Set<String> domains = new TreeSet<>();
    for (String key : bundle.keySet()) {
      domains.add(key.trim().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(domains);
  }
}
