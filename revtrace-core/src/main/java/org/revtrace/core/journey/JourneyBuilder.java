package org.revtrace.core.journey;

import java.time.Instant;
import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.SortedLongs;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.TouchType;

/**
 * Builds the journeys to a goal from a dataset.
 *
 * <p>For each conversion in the period, the journey is the touches of the converting person (or of
 * every person of the account, at account level) in the lookback window {@code [t − lookback, t]}
 * before the conversion time {@code t}. A deal with no person falls back to its account's touches,
 * and an account-level conversion with no account to its person's. A conversion with no touch at
 * all gets one synthetic touch of its own channel and campaign at its creation time
 * (ARCHITECTURE.md: a lead or deal with no touchpoints is attributed to its own channel).
 */
public final class JourneyBuilder {

  private final Dataset data;
  private final JourneyOptions options;
  private final long fromSecond;
  private final long toSecond;
  private final long lookbackSeconds;
  private final int[] touchKeys;
  private final int[] leadKeys;
  private final int[] dealKeys;

  // growing outputs
  private int size;
  private int[] start = new int[1024];
  private int touches;
  private int[] channel = new int[4096];
  private int[] campaign = new int[4096];
  private long[] time = new long[4096];
  private byte[] type = new byte[4096];
  private boolean[] converted = new boolean[1024];
  private long[] conversionTime = new long[1024];
  private long[][] values = new long[ValueKind.values().length][1024];
  private int[] leadTouch = new int[1024];
  private int[] opportunityTouch = new int[1024];
  private int[] subject = new int[1024];

  private JourneyBuilder(Dataset data, JourneyOptions options) {
    this.data = data;
    this.options = options;
    this.fromSecond =
        options.from().equals(Instant.MIN) ? Long.MIN_VALUE : options.from().getEpochSecond();
    this.toSecond =
        options.to().equals(Instant.MAX) ? Long.MAX_VALUE : options.to().getEpochSecond();
    this.lookbackSeconds = options.lookback().getSeconds();
    this.touchKeys = data.touchKeys(options.dimension());
    this.leadKeys = data.leadKeys(options.dimension());
    this.dealKeys = data.dealKeys(options.dimension());
  }

  /** Builds the journeys of {@code options} over {@code data}. */
  public static Journeys build(Dataset data, JourneyOptions options) {
    return new JourneyBuilder(data, options).build();
  }

  private Journeys build() {
    switch (options.goal()) {
      case LEAD -> addLeadConversions(data.leadCreated());
      case MQL -> addLeadConversions(data.leadMql());
      case SQL -> addLeadConversions(data.leadSql());
      case OPPORTUNITY -> addDealConversions(false);
      case WON -> addDealConversions(true);
    }
    if (options.withNonConverting()) {
      addNonConverting();
    }
    Journeys journeys =
        new Journeys(data.keys(options.dimension()), data.campaigns(), options.goal());
    journeys.size = size;
    journeys.start = Arrays.copyOf(start, size + 1);
    journeys.channel = Arrays.copyOf(channel, touches);
    journeys.campaign = Arrays.copyOf(campaign, touches);
    journeys.time = Arrays.copyOf(time, touches);
    journeys.type = Arrays.copyOf(type, touches);
    journeys.converted = Arrays.copyOf(converted, size);
    journeys.conversionTime = Arrays.copyOf(conversionTime, size);
    journeys.values = new long[values.length][];
    for (int k = 0; k < values.length; k++) {
      journeys.values[k] = Arrays.copyOf(values[k], size);
    }
    journeys.leadTouch = Arrays.copyOf(leadTouch, size);
    journeys.opportunityTouch = Arrays.copyOf(opportunityTouch, size);
    journeys.subject = Arrays.copyOf(subject, size);
    return journeys;
  }

  private boolean inPeriod(long second) {
    return second != Dataset.NO_TIME && second >= fromSecond && second < toSecond;
  }

  private void addLeadConversions(long[] conversionTimes) {
    for (int lead = 0; lead < data.leadCount(); lead++) {
      long at = conversionTimes[lead];
      if (!inPeriod(at)) {
        continue;
      }
      int person = data.leadPerson()[lead];
      int account = data.leadAccount()[lead];
      long created = data.leadCreated()[lead];
      beginJourney(at, lead);
      appendTouches(person, account, at);
      if (journeyLength() == 0) {
        appendTouch(leadKeys[lead], data.leadCampaign()[lead], created, TouchType.FORM);
      }
      endJourney(created, Dataset.NO_TIME, new long[ValueKind.values().length]);
    }
  }

  private void addDealConversions(boolean wonOnly) {
    byte won = (byte) DealStatus.WON.ordinal();
    long[] noValues = new long[ValueKind.values().length];
    for (int deal = 0; deal < data.dealCount(); deal++) {
      if (wonOnly && data.dealStatus()[deal] != won) {
        continue;
      }
      long created = data.dealCreated()[deal];
      long closed = data.dealClosed()[deal];
      long at = wonOnly && closed != Dataset.NO_TIME ? closed : created;
      if (!inPeriod(at)) {
        continue;
      }
      int person = data.dealPerson()[deal];
      int account = data.dealAccount()[deal];
      int lead = data.dealLead()[deal];
      beginJourney(at, deal);
      appendTouches(person, account, at);
      if (journeyLength() == 0) {
        long synthetic = lead >= 0 ? data.leadCreated()[lead] : created;
        appendTouch(dealKeys[deal], data.dealCampaign()[deal], synthetic, TouchType.FORM);
      }
      long[] dealValues = noValues;
      if (wonOnly) {
        dealValues = new long[ValueKind.values().length];
        dealValues[ValueKind.REVENUE.ordinal()] = data.dealRevenue()[deal];
        dealValues[ValueKind.AMOUNT.ordinal()] = data.dealAmount()[deal];
        dealValues[ValueKind.LIFETIME.ordinal()] =
            account >= 0 ? data.accountLifetimeRevenue()[account] : data.dealRevenue()[deal];
      }
      endJourney(lead >= 0 ? data.leadCreated()[lead] : Dataset.NO_TIME, created, dealValues);
    }
  }

  /**
   * Non-converting journeys: each person (or account) with touches in the period and no conversion
   * there; the journey is its touches in the period within the lookback before its last touch.
   */
  private void addNonConverting() {
    boolean byAccount = options.level() == JourneyLevel.ACCOUNT;
    int owners = byAccount ? data.accounts().size() : data.personCount();
    boolean[] convertedOwner = new boolean[owners];
    for (int j = 0; j < size; j++) {
      int owner = ownerOfJourney(j, byAccount);
      if (owner >= 0) {
        convertedOwner[owner] = true;
      }
    }
    for (int owner = 0; owner < owners; owner++) {
      if (convertedOwner[owner]) {
        continue;
      }
      long last = lastTouchInPeriod(owner, byAccount);
      if (last == Dataset.NO_TIME) {
        continue;
      }
      beginJourney(last, -1);
      if (byAccount) {
        appendAccountTouches(owner, last);
      } else {
        appendPersonTouches(owner, last);
      }
      endJourney(Dataset.NO_TIME, Dataset.NO_TIME, new long[ValueKind.values().length]);
    }
  }

  private int ownerOfJourney(int journey, boolean byAccount) {
    int subjectIndex = subject[journey];
    return switch (options.goal()) {
      case LEAD, MQL, SQL ->
          byAccount ? data.leadAccount()[subjectIndex] : data.leadPerson()[subjectIndex];
      case OPPORTUNITY, WON ->
          byAccount ? data.dealAccount()[subjectIndex] : data.dealPerson()[subjectIndex];
    };
  }

  private long lastTouchInPeriod(int owner, boolean byAccount) {
    long last = Dataset.NO_TIME;
    if (byAccount) {
      int[] order = data.accountTouchOrder();
      for (int k = data.accountTouchStart()[owner]; k < data.accountTouchStart()[owner + 1]; k++) {
        long t = data.touchTime()[order[k]];
        if (inPeriod(t)) {
          last = Math.max(last, t);
        }
      }
    } else {
      for (int k = data.personTouchStart()[owner]; k < data.personTouchStart()[owner + 1]; k++) {
        long t = data.touchTime()[k];
        if (inPeriod(t)) {
          last = Math.max(last, t);
        }
      }
    }
    return last;
  }

  private void appendTouches(int person, int account, long at) {
    boolean byAccount = options.level() == JourneyLevel.ACCOUNT;
    if ((byAccount && account >= 0) || person < 0) {
      if (account >= 0) {
        appendAccountTouches(account, at);
      }
    } else {
      appendPersonTouches(person, at);
    }
  }

  private void appendPersonTouches(int person, long at) {
    long earliest = windowStart(at);
    int from = data.personTouchStart()[person];
    int to = data.personTouchStart()[person + 1];
    long[] touchTime = data.touchTime();
    int k = SortedLongs.lowerBound(touchTime, from, to, earliest);
    for (; k < to && touchTime[k] <= at; k++) {
      appendTouch(touchKeys[k], data.touchCampaign()[k], touchTime[k], data.touchType()[k]);
    }
  }

  private void appendAccountTouches(int account, long at) {
    long earliest = windowStart(at);
    int[] order = data.accountTouchOrder();
    long[] touchTime = data.touchTime();
    for (int k = data.accountTouchStart()[account];
        k < data.accountTouchStart()[account + 1];
        k++) {
      int touch = order[k];
      long t = touchTime[touch];
      if (t > at) {
        break;
      }
      if (t >= earliest) {
        appendTouch(touchKeys[touch], data.touchCampaign()[touch], t, data.touchType()[touch]);
      }
    }
  }

  private long windowStart(long at) {
    return at - lookbackSeconds;
  }

  private void beginJourney(long at, int subjectIndex) {
    ensureJourneyCapacity();
    start[size] = touches;
    conversionTime[size] = at;
    subject[size] = subjectIndex;
    converted[size] = subjectIndex >= 0;
  }

  private int journeyLength() {
    return touches - start[size];
  }

  private void appendTouch(int touchChannel, int touchCampaign, long at, TouchType touchType) {
    appendTouch(touchChannel, touchCampaign, at, (byte) touchType.ordinal());
  }

  private void appendTouch(int touchChannel, int touchCampaign, long at, byte touchType) {
    if (touches == channel.length) {
      int capacity = channel.length * 2;
      channel = Arrays.copyOf(channel, capacity);
      campaign = Arrays.copyOf(campaign, capacity);
      time = Arrays.copyOf(time, capacity);
      type = Arrays.copyOf(type, capacity);
    }
    channel[touches] = touchChannel;
    campaign[touches] = touchCampaign;
    time[touches] = at;
    type[touches] = touchType;
    touches++;
  }

  private void endJourney(long leadCreated, long opportunityCreated, long[] journeyValues) {
    int first = start[size];
    leadTouch[size] = lastTouchAtOrBefore(first, touches, leadCreated);
    opportunityTouch[size] = lastTouchAtOrBefore(first, touches, opportunityCreated);
    for (int k = 0; k < journeyValues.length; k++) {
      values[k][size] = journeyValues[k];
    }
    size++;
    start[size] = touches;
  }

  private int lastTouchAtOrBefore(int from, int to, long at) {
    if (at == Dataset.NO_TIME) {
      return -1;
    }
    int found = -1;
    for (int k = from; k < to && time[k] <= at; k++) {
      found = k;
    }
    return found;
  }

  private void ensureJourneyCapacity() {
    if (size + 2 > start.length) {
      int capacity = start.length * 2;
      start = Arrays.copyOf(start, capacity);
      converted = Arrays.copyOf(converted, capacity);
      conversionTime = Arrays.copyOf(conversionTime, capacity);
      for (int k = 0; k < values.length; k++) {
        values[k] = Arrays.copyOf(values[k], capacity);
      }
      leadTouch = Arrays.copyOf(leadTouch, capacity);
      opportunityTouch = Arrays.copyOf(opportunityTouch, capacity);
      subject = Arrays.copyOf(subject, capacity);
    }
  }
}
