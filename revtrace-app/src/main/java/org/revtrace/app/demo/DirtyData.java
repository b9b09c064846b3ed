package org.revtrace.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plants and counts dirty data when the spec asks for it: about 3% of touchpoints without UTMs,
 * about 4% with a case or whitespace variant of the source ({@code "Yandex "}, {@code "YANDEX"},
 * {@code "ya"}) and 3% with a variant of the campaign, a few exact duplicate touchpoint and lead
 * rows, about 1.5% of leads without any source, and two unparsable rows (a touchpoint with a
 * Russian-format date, a payment with a Russian-format amount) copied from good rows under new ids.
 *
 * <p>Dirt uses its own random stream, so the clean rows are the same with and without it.
 */
final class DirtyData {

  private static final double MISSING_UTM = 0.03;
  private static final double SOURCE_VARIANT = 0.04;
  private static final double CAMPAIGN_VARIANT = 0.03;
  private static final double LEAD_WITHOUT_SOURCE = 0.015;

  private final boolean enabled;
  private final int accounts;
  private final int touchDuplicates;
  private final int leadDuplicates;
  private final SplittableRandom rng;
  private long missingUtm;
  private long sourceVariants;
  private long campaignVariants;
  private final List<String> duplicateTouchpointIds = new ArrayList<>();
  private final List<String> duplicateLeadIds = new ArrayList<>();
  private final List<String> leadsWithoutSource = new ArrayList<>();
  private final List<BadRow> badRows = new ArrayList<>();
  private int pendingLeadDuplicates;
  private boolean badTouchPlanted;
  private boolean badPaymentPlanted;

  DirtyData(DemoSpec spec) {
    this.enabled = spec.dirty();
    this.accounts = spec.accounts();
    this.touchDuplicates = (int) Math.min(accounts, 3 + spec.touchpoints() / 100_000);
    this.leadDuplicates = Math.min(accounts, 2 + accounts / 200);
    this.rng = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
  }

  boolean enabled() {
    return enabled;
  }

  /** Called once per account before its rows; queues planned lead duplicates. */
  void startAccount(int ordinal) {
    if (enabled && planned(ordinal, leadDuplicates)) {
      pendingLeadDuplicates++;
    }
  }

  /** Whether this account's first touchpoint row is written twice. */
  boolean duplicateTouch(int ordinal) {
    return enabled && planned(ordinal, touchDuplicates);
  }

  /** Whether this lead row is written twice; takes one queued duplicate. */
  boolean duplicateLead() {
    if (pendingLeadDuplicates == 0) {
      return false;
    }
    pendingLeadDuplicates--;
    return true;
  }

  /** Whether to copy a touchpoint of this account with an unparsable date (once). */
  boolean badTouch(int ordinal) {
    return enabled && !badTouchPlanted && ordinal >= accounts / 3;
  }

  /** Whether to copy a payment of this account with an unparsable amount (once). */
  boolean badPayment(int ordinal) {
    return enabled && !badPaymentPlanted && ordinal >= accounts / 2;
  }

  /** Blanks or varies UTM cells of a clean touchpoint row in place. */
  void mutateTouch(String[] cells) {
    if (!enabled) {
      return;
    }
    double roll = rng.nextDouble();
    if (roll < MISSING_UTM) {
      for (int column = TouchRows.SOURCE; column <= TouchRows.TERM; column++) {
        cells[column] = "";
      }
      missingUtm++;
    } else if (roll < MISSING_UTM + SOURCE_VARIANT) {
      cells[TouchRows.SOURCE] = sourceVariant(cells[TouchRows.SOURCE]);
      sourceVariants++;
    } else if (roll < MISSING_UTM + SOURCE_VARIANT + CAMPAIGN_VARIANT
        && !cells[TouchRows.CAMPAIGN].isEmpty()) {
      cells[TouchRows.CAMPAIGN] = campaignVariant(cells[TouchRows.CAMPAIGN]);
      campaignVariants++;
    }
  }

  /** Whether this lead loses its channel and UTMs; records its id when it does. */
  boolean dropLeadSource(String leadId) {
    if (enabled && rng.nextDouble() < LEAD_WITHOUT_SOURCE) {
      leadsWithoutSource.add(leadId);
      return true;
    }
    return false;
  }

  void recordTouchDuplicate(String id) {
    duplicateTouchpointIds.add(id);
  }

  void recordLeadDuplicate(String id) {
    duplicateLeadIds.add(id);
  }

  void recordBadTouch(BadRow row) {
    badTouchPlanted = true;
    badRows.add(row);
  }

  void recordBadPayment(BadRow row) {
    badPaymentPlanted = true;
    badRows.add(row);
  }

  long missingUtm() {
    return missingUtm;
  }

  long sourceVariants() {
    return sourceVariants;
  }

  long campaignVariants() {
    return campaignVariants;
  }

  List<String> duplicateTouchpointIds() {
    return duplicateTouchpointIds;
  }

  List<String> duplicateLeadIds() {
    return duplicateLeadIds;
  }

  List<String> leadsWithoutSource() {
    return leadsWithoutSource;
  }

  List<BadRow> badRows() {
    return badRows;
  }

  private String sourceVariant(String source) {
    String[] variants =
        switch (source) {
          case "yandex" -> new String[] {"Yandex ", "YANDEX", "ya", "yandex.ru", " yandex"};
          case "google" -> new String[] {"Google", "GOOGLE", " google", "google.com"};
          case "vk" -> new String[] {"VK", "vk.com", "Vk "};
          default -> new String[] {source.toUpperCase(Locale.ROOT), source + " ", capital(source)};
        };
    return variants[rng.nextInt(variants.length)];
  }

  private String campaignVariant(String campaign) {
    return switch (rng.nextInt(4)) {
      case 0 -> campaign.toUpperCase(Locale.ROOT);
      case 1 -> campaign + " ";
      case 2 -> " " + campaign;
      default -> capital(campaign);
    };
  }

  private static String capital(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private boolean planned(int ordinal, int count) {
    if (count <= 0) {
      return false;
    }
    int step = Math.max(1, accounts / count);
    return ordinal % step == step / 2 && ordinal / step < count;
  }
}
