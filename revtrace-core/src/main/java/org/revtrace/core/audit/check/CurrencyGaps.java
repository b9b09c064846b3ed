package org.revtrace.core.audit.check;

import java.util.Optional;
import java.util.TreeMap;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;

/**
 * {@code CURRENCY_GAPS}: money rows (spend, deals, payments, costs) left out because no exchange
 * rate to the reporting currency exists on or before their date ({@code MISSING_RATE}). Their money
 * cannot be put in the reporting currency, so it is named per file instead.
 */
public final class CurrencyGaps extends Check {

  public CurrencyGaps() {
    super("CURRENCY_GAPS", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    TreeMap<String, Integer> byFile = new TreeMap<>();
    java.util.List<String> ids = new java.util.ArrayList<>();
    long missing = 0;
    for (RowError error : input.errors()) {
      if (error.code() == ErrorCode.MISSING_RATE) {
        missing++;
        ids.add(error.file() + ":" + error.line());
        byFile.merge(error.file(), 1, Integer::sum);
      }
    }
    long moneyRows =
        input.raw().spend().size()
            + input.raw().deals().size()
            + input.raw().payments().size()
            + input.raw().costs().size();
    java.util.List<String> examples = new java.util.ArrayList<>();
    byFile.forEach((file, count) -> examples.add(file + ": " + count));
    return found(
        missing,
        Math.max(moneyRows, missing),
        "money rows",
        0,
        0,
        0,
        ids,
        examples,
        missing + " money rows have no exchange rate to " + input.dataset().currency());
  }
}
