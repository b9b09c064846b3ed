package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Lead;

/**
 * {@code MANUAL_ENTRIES}: leads whose channel or UTM source says they were typed in by hand ({@code
 * manual}, Bitrix24's {@code SELF}, amoCRM's "Вручную", ... — the setting's markers). A hand-made
 * lead hides the real source (a call, a form, a referral). Money: their deals' revenue.
 */
public final class ManualEntries extends Check {

  public ManualEntries() {
    super("MANUAL_ENTRIES", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Set<String> markers = input.settings().manualMarkers();
    List<String> ids = new ArrayList<>();
    long revenue = 0;
    for (Lead lead : input.raw().leads()) {
      if (marked(lead.channel(), markers) || marked(lead.utm().source(), markers)) {
        ids.add(lead.id());
        revenue += input.revenueOfLead(lead.id());
      }
    }
    long leads = input.raw().leads().size();
    return found(
        ids.size(),
        leads,
        "leads",
        revenue,
        0,
        0,
        ids,
        ids.size()
            + " of "
            + leads
            + " leads ("
            + percent(ids.size(), leads)
            + ") were entered by hand");
  }

  private static boolean marked(String value, Set<String> markers) {
    return value != null && markers.contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
