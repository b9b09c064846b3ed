package org.revtrace.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accumulates the true channel effects while accounts are simulated and writes {@code
 * ground_truth.json}.
 *
 * <p><b>True contribution.</b> For every account that won, with touched channel set S, channel c in
 * S is credited {@code p(S) − p(S \ {c})}: the conversion probability the account would lose if c
 * were removed from its journey, under the planted {@link ConversionModel}. The true contribution
 * of c is the sum of these credits over all won accounts; the true share is the contribution
 * divided by the sum over channels, so shares sum to 1 (all 0 when nothing was won). Because p is
 * not additive, the credits of one account sum to less than p(S) − base; shares compare channels,
 * they do not split the conversions exactly.
 *
 * <p><b>Expected incremental wins.</b> The same difference summed over all accounts, won or not:
 * the expected number of wins lost if channel c were switched off for everyone, exposures fixed.
 */
final class GroundTruth {

  static final String FILE_NAME = "ground_truth.json";

  private final Catalog catalog;
  private final ConversionModel model;
  private final double[] contribution;
  private final double[] incremental;
  private final long[] exposed;
  private final long[] wonExposed;
  private long accounts;
  private long won;
  private double expectedWon;

  GroundTruth(Catalog catalog, ConversionModel model) {
    this.catalog = catalog;
    this.model = model;
    int size = catalog.size();
    this.contribution = new double[size];
    this.incremental = new double[size];
    this.exposed = new long[size];
    this.wonExposed = new long[size];
  }

  /** Records one account's touched channel set and whether it won. */
  void record(long mask, boolean accountWon) {
    accounts++;
    expectedWon += model.probability(mask);
    if (accountWon) {
      won++;
    }
    for (int channel : TouchPlanner.bits(mask)) {
      double marginal = model.marginal(mask, channel);
      exposed[channel]++;
      incremental[channel] += marginal;
      if (accountWon) {
        wonExposed[channel]++;
        contribution[channel] += marginal;
      }
    }
  }

  /** True shares by channel index; they sum to 1 unless nothing was won. */
  double[] shares() {
    double total = 0;
    for (double value : contribution) {
      total += value;
    }
    double[] shares = new double[contribution.length];
    for (int i = 0; i < shares.length && total > 0; i++) {
      shares[i] = contribution[i] / total;
    }
    return shares;
  }

  void write(Path directory, DemoSpec spec, DirtyData dirty, Map<String, Long> counts) {
    JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    ObjectNode root = mapper.createObjectNode();
    root.put(
        "definition",
        "true_contribution(c) = sum over won accounts of p(S) - p(S without c), "
            + "p(S) = 1 - (1 - base_rate) * prod over c in S of (1 - lift(c)), S = distinct "
            + "channels touched by the account (anonymous visits linked through the lead's "
            + "visitor_id included); true_share = contribution / sum of contributions; "
            + "expected_incremental_wins(c) = the same difference summed over all accounts");
    ObjectNode specNode = root.putObject("spec");
    specNode.put("seed", spec.seed());
    specNode.put("accounts", spec.accounts());
    specNode.put("touchpoints", spec.touchpoints());
    specNode.put("start_date", spec.startDate().toString());
    specNode.put("end_date", spec.endDate().toString());
    specNode.put("days", spec.days());
    specNode.put("reporting_currency", spec.reportingCurrency());
    specNode.put("dirty", spec.dirty());
    root.put("base_rate", model.base());
    root.put("accounts", accounts);
    root.put("won_accounts", won);
    root.put("expected_won_accounts", expectedWon);
    root.put("strongest_channel", strongestPlanted());
    double[] shares = shares();
    ArrayNode channels = root.putArray("channels");
    for (ChannelProfile profile : catalog.channels()) {
      int i = profile.index();
      ObjectNode node = channels.addObject();
      node.put("channel", profile.key());
      node.put("lift", profile.lift());
      node.put("reach", profile.reach());
      node.put("exposed_accounts", exposed[i]);
      node.put("won_exposed_accounts", wonExposed[i]);
      node.put("true_contribution", contribution[i]);
      node.put("true_share", shares[i]);
      node.put("expected_incremental_wins", incremental[i]);
    }
    root.set("dirty", dirtyNode(mapper, dirty));
    ObjectNode countsNode = root.putObject("counts");
    counts.forEach(countsNode::put);
    try {
      Files.writeString(directory.resolve(FILE_NAME), mapper.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE_NAME + " in " + directory, e);
    }
  }

  private String strongestPlanted() {
    ChannelProfile strongest = catalog.channel(0);
    for (ChannelProfile profile : catalog.channels()) {
      if (profile.lift() > strongest.lift()) {
        strongest = profile;
      }
    }
    return strongest.key();
  }

  private static ObjectNode dirtyNode(JsonMapper mapper, DirtyData dirty) {
    ObjectNode node = mapper.createObjectNode();
    node.put("enabled", dirty.enabled());
    node.put("touchpoints_missing_utm", dirty.missingUtm());
    node.put("touchpoints_source_variant", dirty.sourceVariants());
    node.put("touchpoints_campaign_variant", dirty.campaignVariants());
    node.put("duplicate_touchpoint_rows", dirty.duplicateTouchpointIds().size());
    dirty.duplicateTouchpointIds().forEach(node.putArray("duplicate_touchpoint_ids")::add);
    node.put("duplicate_lead_rows", dirty.duplicateLeadIds().size());
    dirty.duplicateLeadIds().forEach(node.putArray("duplicate_lead_ids")::add);
    node.put("leads_without_source", dirty.leadsWithoutSource().size());
    dirty.leadsWithoutSource().forEach(node.putArray("lead_ids_without_source")::add);
    ArrayNode bad = node.putArray("bad_rows");
    for (BadRow row : dirty.badRows()) {
      ObjectNode item = bad.addObject();
      item.put("file", row.file());
      item.put("line", row.line());
      item.put("id", row.id());
      item.put("column", row.column());
      item.put("value", row.value());
      item.put("copy_of", row.copyOf());
    }
    return node;
  }
}
