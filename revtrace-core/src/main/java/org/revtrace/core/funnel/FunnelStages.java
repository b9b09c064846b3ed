package org.revtrace.core.funnel;

import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dictionary;

/**
 * The configured stages resolved against one dataset's stage dictionary.
 *
 * <p>A data stage maps to the funnel stage of the same name (ignoring case and surrounding blanks)
 * or to the target of its alias; the lost outcome maps to {@link #LOST}; anything else to {@link
 * #UNMAPPED} and is reported, not guessed.
 */
public final class FunnelStages {

  /** Mapping of a data stage that is the lost outcome. */
  public static final int LOST = -2;

  /** Mapping of a data stage that no funnel stage names. */
  public static final int UNMAPPED = -1;

  private final List<String> names;
  private final int[] byDataStage;
  private final List<String> unmapped;
  private final int lead;
  private final int mql;
  private final int sql;
  private final int opportunity;

  private FunnelStages(FunnelOptions options, Dictionary dataStages) {
    this.names = options.stages();
    this.byDataStage = new int[dataStages.size()];
    List<String> unknown = new ArrayList<>();
    for (int id = 0; id < dataStages.size(); id++) {
      byDataStage[id] = resolve(options, dataStages.decode(id));
      if (byDataStage[id] == UNMAPPED) {
        unknown.add(dataStages.decode(id));
      }
    }
    this.unmapped = List.copyOf(unknown);
    this.lead = indexOf("lead");
    this.mql = indexOf("mql");
    this.sql = indexOf("sql");
    this.opportunity = indexOf(options.opportunityStage());
  }

  /** Resolves {@code options} against the stage names found in {@code data}. */
  public static FunnelStages resolve(Dataset data, FunnelOptions options) {
    return new FunnelStages(options, data.stages());
  }

  private static int resolve(FunnelOptions options, String dataStage) {
    String name = FunnelOptions.normalise(dataStage);
    name = options.aliases().getOrDefault(name, name);
    if (name.equals(FunnelOptions.normalise(options.lostStage()))) {
      return LOST;
    }
    for (int s = 0; s < options.stages().size(); s++) {
      if (FunnelOptions.normalise(options.stages().get(s)).equals(name)) {
        return s;
      }
    }
    return UNMAPPED;
  }

  private int indexOf(String stage) {
    String wanted = FunnelOptions.normalise(stage);
    for (int s = 0; s < names.size(); s++) {
      if (FunnelOptions.normalise(names.get(s)).equals(wanted)) {
        return s;
      }
    }
    return -1;
  }

  /** The funnel stage of a data stage id: a stage index, {@link #LOST} or {@link #UNMAPPED}. */
  public int of(int dataStage) {
    return dataStage < 0 ? UNMAPPED : byDataStage[dataStage];
  }

  public int size() {
    return names.size();
  }

  public String name(int stage) {
    return names.get(stage);
  }

  /** The won stage: the last one. */
  public int won() {
    return names.size() - 1;
  }

  /** Data stage names that map to no funnel stage (ignored by the engines). */
  public List<String> unmapped() {
    return unmapped;
  }

  /** Index of the stage entered at lead creation, or -1 when the funnel has no such stage. */
  int lead() {
    return lead;
  }

  int mql() {
    return mql;
  }

  int sql() {
    return sql;
  }

  /** Index of the stage a deal enters on creation. */
  public int opportunity() {
    return opportunity;
  }
}
