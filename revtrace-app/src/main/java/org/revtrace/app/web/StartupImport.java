package org.revtrace.app.web;

import java.nio.file.Path;
import org.revtrace.app.cli.StoreImport;

/**
 * What the server imported into the store before building its snapshot: the folder named by {@code
 * revtrace.data}, the demo data when the store was empty, or nothing.
 *
 * @param folder the imported folder, or {@code null} when nothing was imported
 * @param outcome the import's outcome, or {@code null} when nothing was imported
 * @param demo true when the folder is the demo data, imported because the store was empty
 */
public record StartupImport(Path folder, StoreImport.Outcome outcome, boolean demo) {

  static final StartupImport NONE = new StartupImport(null, null, false);

  /** True when a folder was imported (or found already imported). */
  public boolean happened() {
    return outcome != null;
  }
}
