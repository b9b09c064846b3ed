package org.revtrace.core.journey;

import java.util.Locale;
import java.util.Optional;
import org.revtrace.core.model.Codes;

/**
 * The conversion a journey ends in.
 *
 * <ul>
 *   <li>{@code LEAD}: a lead is created (time: created_at);
 *   <li>{@code MQL}, {@code SQL}: a lead reaches the milestone (time: mql_at, sql_at);
 *   <li>{@code OPPORTUNITY}: a deal is created (time: created_at);
 *   <li>{@code WON}: a deal is won (time: closed_at, else created_at); its value is the deal's
 *       revenue.
 * </ul>
 */
public enum Goal {
  LEAD,
  MQL,
  SQL,
  OPPORTUNITY,
  WON;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Goal> parse(String code) {
    return Codes.parse(Goal.class, code, "");
  }
}
