package org.revtrace.core.dataset;

import java.util.List;
import org.revtrace.core.identity.Identities;
import org.revtrace.core.identity.IdentityOptions;
import org.revtrace.core.identity.IdentityResolver;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;

/**
 * The in-memory columnar form of one data folder, indexed for the engines.
 *
 * <p>Strings are dictionary-coded (channels, campaigns, accounts), times are epoch seconds, days
 * are epoch days, money is minor units of the reporting currency. Touches are stored ordered by
 * person and time, and an index orders them by account and time, so a journey is a slice. Arrays
 * are exposed without copying for speed: callers must treat them as read-only.
 *
 * <p>Identity ({@link IdentityResolver}): contact ids, visitor ids and leads are joined into people
 * by shared visitor ids, click ids, e-mails and phones; a person's account is its CRM company, else
 * the account of its corporate e-mail domain. Duplicate leads of a person are merged into the
 * earliest: the lead columns hold the surviving leads only, and deals of a merged lead point at its
 * survivor. {@link #identities()} lists every merge and its rule.
 */
public final class Dataset {

  /** Marker for a missing time in the long time columns. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Channel name used when a conversion has no touch and no channel of its own. */
  public static final String UNATTRIBUTED = "(unattributed)";

  /** Channel name treated as direct traffic by last-non-direct attribution. */
  public static final String DIRECT = "direct";

  final String currency;
  final Dictionary channels = new Dictionary();
  final Dictionary campaigns = new Dictionary();
  int[] campaignChannel = new int[0];
  String[] campaignName = new String[0];
  final Dictionary accounts = new Dictionary();
  final Dictionary sources = new Dictionary();

  // touches, ordered by person then time; person -1 (account-only touches) sorts last
  int touchCount;
  long[] touchTime;
  int[] touchChannel;
  int[] touchCampaign;
  int[] touchSource;
  byte[] touchType;
  int[] touchPerson;
  int[] touchAccount;
  int personCount;
  int[] personTouchStart; // personCount + 1
  int[] personAccount;
  int[] accountTouchOrder; // touch indexes ordered by account then time (touches with an account)
  int[] accountTouchStart; // accounts.size() + 1

  // leads
  int leadCount;
  String[] leadId;
  long[] leadCreated;
  long[] leadMql;
  long[] leadSql;
  long[] leadFirstResponse;
  int[] leadPerson;
  int[] leadAccount;
  int[] leadChannel;
  int[] leadCampaign;
  int[] leadSource;

  // deals
  int dealCount;
  String[] dealId;
  long[] dealCreated;
  long[] dealClosed;
  byte[] dealStatus; // DealStatus ordinal
  long[] dealAmount;
  long[] dealRevenue; // payments if any, else amount when won, else 0
  int[] dealPerson;
  int[] dealAccount;
  int[] dealLead;
  int[] dealChannel;
  int[] dealCampaign;
  int[] dealSource;
  long[] accountLifetimeRevenue;

  // payments in input order, those whose currency could be converted
  int paymentCount;
  long[] paymentTime;
  long[] paymentAmount;
  int[] paymentAccount; // -1 when neither the payment nor its deal names an account
  int[] paymentDeal; // -1 when the payment names no known deal

  // media spend rows
  int spendCount;
  int[] spendDay;
  int[] spendChannel;
  int[] spendCampaign;
  int[] spendSource;
  long[] spendImpressions;
  long[] spendClicks;
  long[] spendCost;

  // other costs
  int costCount;
  int[] costDay;
  byte[] costCategory; // CostCategory ordinal
  int[] costChannel; // -1 when not tied to a channel
  long[] costAmount;

  // deal stage history, ordered by deal then time
  final Dictionary stages = new Dictionary();
  final Dictionary products = new Dictionary();
  int[] dealProduct; // -1 when none
  int[] dealStage; // current stage from deals.csv, -1 when none
  int stageChangeCount;
  int[] stageChangeDeal;
  int[] stageChangeStage;
  long[] stageChangeTime;
  int[] dealStageChangeStart; // dealCount + 1

  // account attributes by account id (null when unknown)
  String[] accountName;
  String[] accountIndustry;
  String[] accountSize;
  String[] accountRegion;
  String[] accountTier;

  List<RowError> conversionErrors = List.of();
  Identities identities;

  Dataset(String currency) {
    this.currency = currency;
  }

  /**
   * Indexes canonical data, converting money to {@code reportingCurrency} with the data's own
   * rates. Rows whose money cannot be converted are left out and reported by {@link
   * #conversionErrors()}.
   */
  public static Dataset of(CanonicalData data, String reportingCurrency) {
    return of(data, reportingCurrency, IdentityOptions.defaults());
  }

  /** As {@link #of(CanonicalData, String)}, resolving identities with the given options. */
  public static Dataset of(
      CanonicalData data, String reportingCurrency, IdentityOptions identityOptions) {
    return new DatasetBuilder(data, reportingCurrency, identityOptions).build();
  }

  /**
   * How people, accounts and duplicate leads were resolved: every merge with its rule, and a
   * summary. Its person ids are this data set's person ids.
   */
  public Identities identities() {
    return identities;
  }

  public String currency() {
    return currency;
  }

  /** Rows left out because no exchange rate covered their currency and date. */
  public List<RowError> conversionErrors() {
    return conversionErrors;
  }

  public Dictionary channels() {
    return channels;
  }

  /** UTM sources; {@code (none)} for rows without one. */
  public Dictionary sources() {
    return sources;
  }

  /** The dictionary of a dimension's keys. */
  public Dictionary keys(Dimension dimension) {
    return switch (dimension) {
      case CHANNEL -> channels;
      case SOURCE -> sources;
    };
  }

  /** Each touch's key in a dimension. */
  public int[] touchKeys(Dimension dimension) {
    return switch (dimension) {
      case CHANNEL -> touchChannel;
      case SOURCE -> touchSource;
    };
  }

  /** Each lead's own key in a dimension (used when it has no touches). */
  public int[] leadKeys(Dimension dimension) {
    return switch (dimension) {
      case CHANNEL -> leadChannel;
      case SOURCE -> leadSource;
    };
  }

  /** Each deal's own key in a dimension (its lead's; used when it has no touches). */
  public int[] dealKeys(Dimension dimension) {
    return switch (dimension) {
      case CHANNEL -> dealChannel;
      case SOURCE -> dealSource;
    };
  }

  /** Each spend row's key in a dimension. */
  public int[] spendKeys(Dimension dimension) {
    return switch (dimension) {
      case CHANNEL -> spendChannel;
      case SOURCE -> spendSource;
    };
  }

  /** Campaign keys: one per (channel, campaign name) pair. */
  public Dictionary campaigns() {
    return campaigns;
  }

  public int campaignChannel(int campaign) {
    return campaignChannel[campaign];
  }

  public String campaignName(int campaign) {
    return campaignName[campaign];
  }

  public Dictionary accounts() {
    return accounts;
  }

  public int touchCount() {
    return touchCount;
  }

  public long[] touchTime() {
    return touchTime;
  }

  public int[] touchChannel() {
    return touchChannel;
  }

  public int[] touchCampaign() {
    return touchCampaign;
  }

  public byte[] touchType() {
    return touchType;
  }

  public int[] touchPerson() {
    return touchPerson;
  }

  public int[] touchAccount() {
    return touchAccount;
  }

  public int personCount() {
    return personCount;
  }

  public int[] personTouchStart() {
    return personTouchStart;
  }

  public int[] personAccount() {
    return personAccount;
  }

  public int[] accountTouchOrder() {
    return accountTouchOrder;
  }

  public int[] accountTouchStart() {
    return accountTouchStart;
  }

  public int leadCount() {
    return leadCount;
  }

  public String[] leadId() {
    return leadId;
  }

  public long[] leadCreated() {
    return leadCreated;
  }

  public long[] leadMql() {
    return leadMql;
  }

  public long[] leadSql() {
    return leadSql;
  }

  public long[] leadFirstResponse() {
    return leadFirstResponse;
  }

  public int[] leadPerson() {
    return leadPerson;
  }

  public int[] leadAccount() {
    return leadAccount;
  }

  public int[] leadChannel() {
    return leadChannel;
  }

  public int[] leadCampaign() {
    return leadCampaign;
  }

  public int dealCount() {
    return dealCount;
  }

  public String[] dealId() {
    return dealId;
  }

  public long[] dealCreated() {
    return dealCreated;
  }

  public long[] dealClosed() {
    return dealClosed;
  }

  public byte[] dealStatus() {
    return dealStatus;
  }

  public long[] dealAmount() {
    return dealAmount;
  }

  public long[] dealRevenue() {
    return dealRevenue;
  }

  public int[] dealPerson() {
    return dealPerson;
  }

  public int[] dealAccount() {
    return dealAccount;
  }

  public int[] dealLead() {
    return dealLead;
  }

  public int[] dealChannel() {
    return dealChannel;
  }

  public int[] dealCampaign() {
    return dealCampaign;
  }

  /** Pipeline stage names as written in the data. */
  public Dictionary stages() {
    return stages;
  }

  /** Deal products. */
  public Dictionary products() {
    return products;
  }

  /** Each deal's product id, or -1. */
  public int[] dealProduct() {
    return dealProduct;
  }

  /** Each deal's current stage id from deals.csv, or -1. */
  public int[] dealStage() {
    return dealStage;
  }

  public int stageChangeCount() {
    return stageChangeCount;
  }

  /** Deal index of each stage change; stage changes are ordered by deal, then time. */
  public int[] stageChangeDeal() {
    return stageChangeDeal;
  }

  public int[] stageChangeStage() {
    return stageChangeStage;
  }

  public long[] stageChangeTime() {
    return stageChangeTime;
  }

  /** Deal {@code d}'s stage changes are {@code dealStageChangeStart[d] .. [d+1]-1}. */
  public int[] dealStageChangeStart() {
    return dealStageChangeStart;
  }

  /** Account names by account id (null when unknown). */
  public String[] accountName() {
    return accountName;
  }

  public String[] accountIndustry() {
    return accountIndustry;
  }

  public String[] accountSize() {
    return accountSize;
  }

  public String[] accountRegion() {
    return accountRegion;
  }

  public String[] accountTier() {
    return accountTier;
  }

  /** All payments of the account (won deals without payments count at their amount). */
  public long[] accountLifetimeRevenue() {
    return accountLifetimeRevenue;
  }

  /** Number of payments (those with a convertible currency), in input order. */
  public int paymentCount() {
    return paymentCount;
  }

  /** Each payment's time in epoch seconds. */
  public long[] paymentTime() {
    return paymentTime;
  }

  /** Each payment's amount in minor units of the reporting currency. */
  public long[] paymentAmount() {
    return paymentAmount;
  }

  /** Each payment's account id (its own, else its deal's), or -1. */
  public int[] paymentAccount() {
    return paymentAccount;
  }

  /** Each payment's deal index, or -1 when it names no known deal. */
  public int[] paymentDeal() {
    return paymentDeal;
  }

  public int spendCount() {
    return spendCount;
  }

  public int[] spendDay() {
    return spendDay;
  }

  public int[] spendChannel() {
    return spendChannel;
  }

  public int[] spendCampaign() {
    return spendCampaign;
  }

  public long[] spendImpressions() {
    return spendImpressions;
  }

  public long[] spendClicks() {
    return spendClicks;
  }

  public long[] spendCost() {
    return spendCost;
  }

  public int costCount() {
    return costCount;
  }

  public int[] costDay() {
    return costDay;
  }

  public byte[] costCategory() {
    return costCategory;
  }

  public int[] costChannel() {
    return costChannel;
  }

  public long[] costAmount() {
    return costAmount;
  }
}
