package org.revtrace.core.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revtrace.core.identity.Identities;
import org.revtrace.core.identity.IdentityOptions;
import org.revtrace.core.identity.IdentityResolver;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Builds a {@link Dataset}: identity resolution ({@link IdentityResolver}), dictionary coding,
 * currency conversion, sorting.
 */
final class DatasetBuilder {

  private static final String NONE = "(none)";

  private final CanonicalData data;
  private final ExchangeRates rates;
  private final Dataset dataset;
  private final List<RowError> errors = new ArrayList<>();
  private final Map<String, String> contactAccount = new HashMap<>();
  private final IdentityOptions identityOptions;
  private Identities identities;
  private Map<String, Integer> leadIndex;

  DatasetBuilder(CanonicalData data, String reportingCurrency, IdentityOptions identityOptions) {
    this.data = data;
    this.rates = new ExchangeRates(reportingCurrency, data.rates());
    this.dataset = new Dataset(reportingCurrency);
    this.identityOptions = identityOptions;
  }

  Dataset build() {
    for (Contact contact : data.contacts()) {
      if (contact.accountId() != null) {
        contactAccount.put(contact.id(), contact.accountId());
      }
    }
    data.accounts().forEach(account -> dataset.accounts.encode(account.id()));
    identities = IdentityResolver.resolve(data, identityOptions);
    dataset.identities = identities;
    dataset.personCount = identities.personCount();
    dataset.personAccount = accountsOfPersons();
    indexTouches(identities.touchPerson());
    indexLeads();
    indexDeals();
    indexSpend();
    indexCosts();
    indexCampaigns();
    indexStageChanges();
    indexAccounts();
    dataset.conversionErrors = List.copyOf(errors);
    return dataset;
  }

  private int[] accountsOfPersons() {
    int[] account = new int[identities.personCount()];
    for (int person = 0; person < account.length; person++) {
      String accountId = identities.personAccount(person);
      account[person] = accountId == null ? -1 : dataset.accounts.encode(accountId);
    }
    return account;
  }

  private String accountOf(String accountId, String contactId) {
    if (accountId != null) {
      return accountId;
    }
    return contactId == null ? null : contactAccount.get(contactId);
  }

  private void indexTouches(int[] personUnsorted) {
    List<Touchpoint> touches = data.touchpoints();
    int n = touches.size();
    long[] time = new long[n];
    for (int i = 0; i < n; i++) {
      time[i] = touches.get(i).occurredAt().getEpochSecond();
    }
    // Person -1 (touches known only by account) goes to the last bucket.
    int buckets = dataset.personCount + 1;
    int[] bucketOf = new int[n];
    for (int i = 0; i < n; i++) {
      bucketOf[i] = personUnsorted[i] >= 0 ? personUnsorted[i] : dataset.personCount;
    }
    int[] start = new int[buckets + 1];
    int[] order = TimeOrder.byBucketThenTime(bucketOf, buckets, time, start);

    dataset.touchCount = n;
    dataset.touchTime = new long[n];
    dataset.touchChannel = new int[n];
    dataset.touchCampaign = new int[n];
    dataset.touchSource = new int[n];
    dataset.touchType = new byte[n];
    dataset.touchPerson = new int[n];
    dataset.touchAccount = new int[n];
    for (int k = 0; k < n; k++) {
      Touchpoint touch = touches.get(order[k]);
      dataset.touchTime[k] = time[order[k]];
      dataset.touchChannel[k] = dataset.channels.encode(touch.channel());
      dataset.touchCampaign[k] = campaignKey(touch.channel(), touch.utm());
      dataset.touchSource[k] = sourceKey(touch.utm());
      dataset.touchType[k] = (byte) touch.type().ordinal();
      int person = personUnsorted[order[k]];
      dataset.touchPerson[k] = person;
      String accountId = accountOf(touch.accountId(), touch.contactId());
      int account = accountId != null ? dataset.accounts.encode(accountId) : -1;
      if (account < 0 && person >= 0) {
        account = dataset.personAccount[person];
      }
      dataset.touchAccount[k] = account;
    }
    dataset.personTouchStart = Arrays.copyOf(start, dataset.personCount + 1);
    indexTouchesByAccount();
  }

  private void indexTouchesByAccount() {
    int n = dataset.touchCount;
    int accounts = dataset.accounts.size();
    int[] bucketOf = new int[n];
    for (int k = 0; k < n; k++) {
      bucketOf[k] = dataset.touchAccount[k] >= 0 ? dataset.touchAccount[k] : accounts;
    }
    int[] start = new int[accounts + 2];
    int[] order = TimeOrder.byBucketThenTime(bucketOf, accounts + 1, dataset.touchTime, start);
    dataset.accountTouchOrder = Arrays.copyOf(order, start[accounts]);
    dataset.accountTouchStart = Arrays.copyOf(start, accounts + 1);
  }

  /**
   * Surviving leads only (identity resolution merges duplicates): each takes the earliest non-empty
   * MQL, SQL and first-response time of its group.
   */
  private void indexLeads() {
    List<Lead> leads = data.leads();
    int[] survivor = identities.leadSurvivor();
    int[] person = identities.leadPerson();
    int[] row = new int[leads.size()];
    int n = 0;
    for (int i = 0; i < row.length; i++) {
      if (survivor[i] == i) {
        row[i] = n++;
      }
    }
    dataset.leadCount = n;
    dataset.leadId = new String[n];
    dataset.leadCreated = new long[n];
    dataset.leadMql = new long[n];
    dataset.leadSql = new long[n];
    dataset.leadFirstResponse = new long[n];
    dataset.leadPerson = new int[n];
    dataset.leadAccount = new int[n];
    dataset.leadChannel = new int[n];
    dataset.leadCampaign = new int[n];
    dataset.leadSource = new int[n];
    Arrays.fill(dataset.leadMql, Dataset.NO_TIME);
    Arrays.fill(dataset.leadSql, Dataset.NO_TIME);
    Arrays.fill(dataset.leadFirstResponse, Dataset.NO_TIME);
    leadIndex = new HashMap<>();
    for (int i = 0; i < leads.size(); i++) {
      if (survivor[i] != i) {
        continue;
      }
      Lead lead = leads.get(i);
      int k = row[i];
      leadIndex.putIfAbsent(lead.id(), k);
      dataset.leadId[k] = lead.id();
      dataset.leadCreated[k] = lead.createdAt().getEpochSecond();
      dataset.leadPerson[k] = person[i];
      dataset.leadAccount[k] = dataset.personAccount[person[i]];
      String channel = lead.channel() != null ? lead.channel() : Dataset.UNATTRIBUTED;
      dataset.leadChannel[k] = dataset.channels.encode(channel);
      dataset.leadCampaign[k] = campaignKey(channel, lead.utm());
      dataset.leadSource[k] = sourceKey(lead.utm());
    }
    for (int i = 0; i < leads.size(); i++) {
      Lead lead = leads.get(i);
      int k = row[survivor[i]];
      leadIndex.putIfAbsent(lead.id(), k);
      dataset.leadMql[k] = earliest(dataset.leadMql[k], lead.mqlAt());
      dataset.leadSql[k] = earliest(dataset.leadSql[k], lead.sqlAt());
      dataset.leadFirstResponse[k] = earliest(dataset.leadFirstResponse[k], lead.firstResponseAt());
    }
  }

  private static long earliest(long current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    long seconds = candidate.getEpochSecond();
    return current == Dataset.NO_TIME || seconds < current ? seconds : current;
  }

  private void indexDeals() {
    Map<String, Long> paidByDeal = new HashMap<>();
    Map<String, Long> paidByAccount = new HashMap<>();
    Map<String, String> dealAccountById = new HashMap<>();
    for (Deal deal : data.deals()) {
      String accountId = dealAccountId(deal);
      if (accountId != null) {
        dealAccountById.put(deal.id(), accountId);
      }
    }
    List<Payment> payments = new ArrayList<>(data.payments().size());
    List<String> paymentAccountIds = new ArrayList<>(data.payments().size());
    List<Long> paymentAmounts = new ArrayList<>(data.payments().size());
    for (Payment payment : data.payments()) {
      Optional<Money> paid =
          convert(payment.amount(), payment.paidAt(), "payments.csv", payment.id());
      if (paid.isEmpty()) {
        continue;
      }
      payments.add(payment);
      paymentAmounts.add(paid.get().minor());
      paymentAccountIds.add(
          payment.accountId() != null
              ? payment.accountId()
              : dealAccountById.get(payment.dealId()));
      if (payment.dealId() != null) {
        paidByDeal.merge(payment.dealId(), paid.get().minor(), Long::sum);
      }
      String accountId =
          payment.accountId() != null ? payment.accountId() : dealAccountById.get(payment.dealId());
      if (accountId != null) {
        paidByAccount.merge(accountId, paid.get().minor(), Long::sum);
      }
    }

    List<Deal> deals = new ArrayList<>(data.deals().size());
    List<Long> amounts = new ArrayList<>(data.deals().size());
    for (Deal deal : data.deals()) {
      convert(deal.amount(), deal.createdAt(), "deals.csv", deal.id())
          .ifPresent(
              amount -> {
                deals.add(deal);
                amounts.add(amount.minor());
              });
    }
    int n = deals.size();
    dataset.dealCount = n;
    dataset.dealId = new String[n];
    dataset.dealCreated = new long[n];
    dataset.dealClosed = new long[n];
    dataset.dealStatus = new byte[n];
    dataset.dealAmount = new long[n];
    dataset.dealRevenue = new long[n];
    dataset.dealPerson = new int[n];
    dataset.dealAccount = new int[n];
    dataset.dealLead = new int[n];
    dataset.dealChannel = new int[n];
    dataset.dealCampaign = new int[n];
    dataset.dealSource = new int[n];
    dataset.dealProduct = new int[n];
    dataset.dealStage = new int[n];
    for (int i = 0; i < n; i++) {
      Deal deal = deals.get(i);
      dataset.dealId[i] = deal.id();
      dataset.dealCreated[i] = deal.createdAt().getEpochSecond();
      dataset.dealClosed[i] = seconds(deal.closedAt());
      dataset.dealStatus[i] = (byte) deal.status().ordinal();
      dataset.dealAmount[i] = amounts.get(i);
      Long paid = paidByDeal.get(deal.id());
      boolean won = deal.status() == DealStatus.WON;
      dataset.dealRevenue[i] = paid != null ? paid : won ? amounts.get(i) : 0;
      int lead = deal.leadId() == null ? -1 : leadIndex.getOrDefault(deal.leadId(), -1);
      dataset.dealLead[i] = lead;
      int person = dealPerson(deal);
      dataset.dealPerson[i] = person;
      String accountId = dealAccountId(deal);
      dataset.dealAccount[i] = accountId != null ? dataset.accounts.encode(accountId) : -1;
      dataset.dealChannel[i] =
          lead >= 0 ? dataset.leadChannel[lead] : dataset.channels.encode(Dataset.UNATTRIBUTED);
      dataset.dealCampaign[i] =
          lead >= 0 ? dataset.leadCampaign[lead] : campaignKey(Dataset.UNATTRIBUTED, Utm.NONE);
      dataset.dealSource[i] = lead >= 0 ? dataset.leadSource[lead] : sourceKey(Utm.NONE);
      dataset.dealProduct[i] =
          deal.product() == null ? -1 : dataset.products.encode(deal.product());
      dataset.dealStage[i] = deal.stage() == null ? -1 : dataset.stages.encode(deal.stage());
      if (won && paid == null && accountId != null) {
        paidByAccount.merge(accountId, amounts.get(i), Long::sum);
      }
    }
    indexPayments(payments, paymentAmounts, paymentAccountIds);
    dataset.accountLifetimeRevenue = new long[dataset.accounts.size()];
    for (Map.Entry<String, Long> entry : paidByAccount.entrySet()) {
      int account = dataset.accounts.encode(entry.getKey());
      if (account >= dataset.accountLifetimeRevenue.length) {
        dataset.accountLifetimeRevenue =
            Arrays.copyOf(dataset.accountLifetimeRevenue, dataset.accounts.size());
      }
      dataset.accountLifetimeRevenue[account] += entry.getValue();
    }
    if (dataset.accountTouchStart.length < dataset.accounts.size() + 1) {
      // Accounts named only by deals or payments have no touches: extend the index with empty
      // slices.
      int old = dataset.accountTouchStart.length;
      dataset.accountTouchStart =
          Arrays.copyOf(dataset.accountTouchStart, dataset.accounts.size() + 1);
      Arrays.fill(
          dataset.accountTouchStart,
          old,
          dataset.accountTouchStart.length,
          dataset.accountTouchStart[old - 1]);
    }
    if (dataset.accountLifetimeRevenue.length < dataset.accounts.size()) {
      dataset.accountLifetimeRevenue =
          Arrays.copyOf(dataset.accountLifetimeRevenue, dataset.accounts.size());
    }
  }

  /** The deal's contact's person, else its lead's, else -1. */
  private int dealPerson(Deal deal) {
    int person = identities.personOfContact(deal.contactId());
    if (person < 0 && deal.leadId() != null) {
      Integer lead = leadIndex.get(deal.leadId());
      person = lead == null ? -1 : dataset.leadPerson[lead];
    }
    return person;
  }

  /** The deal's own account, else its contact's (contacts.csv), else its person's; null if none. */
  private String dealAccountId(Deal deal) {
    String accountId = accountOf(deal.accountId(), deal.contactId());
    if (accountId == null) {
      int person = dealPerson(deal);
      accountId = person < 0 ? null : identities.personAccount(person);
    }
    return accountId;
  }

  private void indexPayments(List<Payment> payments, List<Long> amounts, List<String> accountIds) {
    Map<String, Integer> dealIndex = new HashMap<>();
    for (int i = 0; i < dataset.dealCount; i++) {
      dealIndex.putIfAbsent(dataset.dealId[i], i);
    }
    int n = payments.size();
    dataset.paymentCount = n;
    dataset.paymentTime = new long[n];
    dataset.paymentAmount = new long[n];
    dataset.paymentAccount = new int[n];
    dataset.paymentDeal = new int[n];
    for (int i = 0; i < n; i++) {
      Payment payment = payments.get(i);
      dataset.paymentTime[i] = payment.paidAt().getEpochSecond();
      dataset.paymentAmount[i] = amounts.get(i);
      String accountId = accountIds.get(i);
      dataset.paymentAccount[i] = accountId == null ? -1 : dataset.accounts.encode(accountId);
      dataset.paymentDeal[i] =
          payment.dealId() == null ? -1 : dealIndex.getOrDefault(payment.dealId(), -1);
    }
  }

  private void indexSpend() {
    List<Spend> rows = data.spend();
    int n = rows.size();
    int[] day = new int[n];
    int[] channel = new int[n];
    int[] campaign = new int[n];
    int[] source = new int[n];
    long[] impressions = new long[n];
    long[] clicks = new long[n];
    long[] cost = new long[n];
    int kept = 0;
    for (Spend spend : rows) {
      Optional<Money> converted =
          convert(spend.cost(), spend.date(), "spend.csv", spend.channel() + " " + spend.date());
      if (converted.isEmpty()) {
        continue;
      }
      day[kept] = (int) spend.date().toEpochDay();
      channel[kept] = dataset.channels.encode(spend.channel());
      campaign[kept] = campaignKey(spend.channel(), spend.utm());
      source[kept] = sourceKey(spend.utm());
      impressions[kept] = spend.impressions();
      clicks[kept] = spend.clicks();
      cost[kept] = converted.get().minor();
      kept++;
    }
    dataset.spendCount = kept;
    dataset.spendDay = Arrays.copyOf(day, kept);
    dataset.spendChannel = Arrays.copyOf(channel, kept);
    dataset.spendCampaign = Arrays.copyOf(campaign, kept);
    dataset.spendSource = Arrays.copyOf(source, kept);
    dataset.spendImpressions = Arrays.copyOf(impressions, kept);
    dataset.spendClicks = Arrays.copyOf(clicks, kept);
    dataset.spendCost = Arrays.copyOf(cost, kept);
  }

  private void indexCosts() {
    List<Cost> rows = data.costs();
    int n = rows.size();
    int[] day = new int[n];
    byte[] category = new byte[n];
    int[] channel = new int[n];
    long[] amount = new long[n];
    int kept = 0;
    for (Cost cost : rows) {
      Optional<Money> converted =
          convert(
              cost.amount(), cost.date(), "costs.csv", cost.category().code() + " " + cost.date());
      if (converted.isEmpty()) {
        continue;
      }
      day[kept] = (int) cost.date().toEpochDay();
      category[kept] = (byte) cost.category().ordinal();
      channel[kept] = cost.channel() == null ? -1 : dataset.channels.encode(cost.channel());
      amount[kept] = converted.get().minor();
      kept++;
    }
    dataset.costCount = kept;
    dataset.costDay = Arrays.copyOf(day, kept);
    dataset.costCategory = Arrays.copyOf(category, kept);
    dataset.costChannel = Arrays.copyOf(channel, kept);
    dataset.costAmount = Arrays.copyOf(amount, kept);
  }

  private final List<Integer> campaignChannels = new ArrayList<>();
  private final List<String> campaignNames = new ArrayList<>();

  private int campaignKey(String channel, Utm utm) {
    String name = utm.campaign() == null ? NONE : utm.campaign();
    int id = dataset.campaigns.encode(channel + '\u001f' + name);
    if (id == campaignNames.size()) {
      campaignChannels.add(dataset.channels.encode(channel));
      campaignNames.add(name);
    }
    return id;
  }

  /**
   * Stage changes of known deals, ordered by deal then time; changes of unknown deals are left out.
   */
  private void indexStageChanges() {
    Map<String, Integer> dealIndex = new HashMap<>();
    for (int d = 0; d < dataset.dealCount; d++) {
      dealIndex.putIfAbsent(dataset.dealId[d], d);
    }
    List<StageChange> changes = data.stageChanges();
    int n = changes.size();
    int[] deal = new int[n];
    long[] time = new long[n];
    int kept = 0;
    int[] keptRow = new int[n];
    for (int i = 0; i < n; i++) {
      Integer d = dealIndex.get(changes.get(i).dealId());
      if (d == null) {
        continue;
      }
      deal[kept] = d;
      time[kept] = changes.get(i).enteredAt().getEpochSecond();
      keptRow[kept] = i;
      kept++;
    }
    int[] start = new int[dataset.dealCount + 1];
    int[] order =
        TimeOrder.byBucketThenTime(
            Arrays.copyOf(deal, kept), dataset.dealCount, Arrays.copyOf(time, kept), start);
    dataset.stageChangeCount = kept;
    dataset.stageChangeDeal = new int[kept];
    dataset.stageChangeStage = new int[kept];
    dataset.stageChangeTime = new long[kept];
    for (int k = 0; k < kept; k++) {
      int row = order[k];
      dataset.stageChangeDeal[k] = deal[row];
      dataset.stageChangeTime[k] = time[row];
      dataset.stageChangeStage[k] = dataset.stages.encode(changes.get(keptRow[row]).stage());
    }
    dataset.dealStageChangeStart = start;
  }

  private void indexAccounts() {
    int n = dataset.accounts.size();
    dataset.accountName = new String[n];
    dataset.accountIndustry = new String[n];
    dataset.accountSize = new String[n];
    dataset.accountRegion = new String[n];
    dataset.accountTier = new String[n];
    identities
        .derivedAccounts()
        .forEach((id, domain) -> dataset.accountName[dataset.accounts.find(id)] = domain);
    for (Account account : data.accounts()) {
      int a = dataset.accounts.find(account.id());
      dataset.accountName[a] = account.name();
      dataset.accountIndustry[a] = account.industry();
      dataset.accountSize[a] = account.size();
      dataset.accountRegion[a] = account.region();
      dataset.accountTier[a] = account.tier();
    }
  }

  private int sourceKey(Utm utm) {
    return dataset.sources.encode(utm.source() == null ? NONE : utm.source());
  }

  private void indexCampaigns() {
    dataset.campaignChannel = campaignChannels.stream().mapToInt(Integer::intValue).toArray();
    dataset.campaignName = campaignNames.toArray(String[]::new);
  }

  private Optional<Money> convert(Money money, Instant at, String file, String id) {
    return convert(money, LocalDate.ofInstant(at, ZoneOffset.UTC), file, id);
  }

  private Optional<Money> convert(Money money, LocalDate date, String file, String id) {
    Optional<Money> converted = rates.convert(money, date);
    if (converted.isEmpty()) {
      errors.add(
          new RowError(
              file,
              0,
              "currency",
              ErrorCode.MISSING_RATE,
              id,
              "no " + money.currency() + " rate on or before " + date + "; row left out"));
    }
    return converted;
  }

  private static long seconds(Instant instant) {
    return instant == null ? Dataset.NO_TIME : instant.getEpochSecond();
  }
}
