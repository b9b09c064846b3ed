package org.revtrace.app.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.revtrace.core.model.TouchType;

/**
 * Plans the touchpoints of one account's buying committee over its journey.
 *
 * <p>Every exposed channel gets at least one touch before the journey ends (the close, for closed
 * deals), so the channels touched are exactly the exposure set of the {@link ConversionModel}. The
 * rest of the touches are spread over channels by frequency and over people, the lead's contact
 * taking the largest part. The lead contact's web visits before the lead are mostly anonymous
 * (visitor id only), linked later through the lead's visitor id. Webinar and conference touches
 * land on calendar event days; deals add sales meetings at the meeting, proposal and negotiation
 * stages.
 */
final class TouchPlanner {

  private final Catalog catalog;
  private final MarketingCalendar calendar;
  private final Window window;
  private final int salesChannel;

  TouchPlanner(Catalog catalog, MarketingCalendar calendar, Window window) {
    this.catalog = catalog;
    this.calendar = calendar;
    this.window = window;
    this.salesChannel = catalog.indexOf(Catalog.SALES);
  }

  /** The lead's contact: usually the champion, often a user, sometimes anyone. */
  Contact leadContact(Account account, RandomGenerator rng) {
    double roll = rng.nextDouble();
    if (roll < 0.5) {
      return account.withRole(Contact.Role.CHAMPION);
    }
    if (roll < 0.8 && account.contacts().size() > 2) {
      return account.contacts().get(2);
    }
    return account.contacts().get(rng.nextInt(account.contacts().size()));
  }

  /** Touches in time order; {@code mean} is the average touch count of an account. */
  List<Touch> plan(
      Account account,
      long mask,
      Timeline timeline,
      Contact leadContact,
      double mean,
      RandomGenerator rng) {
    int[] exposed = bits(mask);
    double weight =
        switch (timeline.outcome()) {
          case NO_LEAD -> 0.6;
          case LEAD_ONLY, MQL_ONLY -> 0.9;
          case LOST, OPEN -> 1.3;
          case WON -> 1.7;
        };
    double noise = Math.exp(0.6 * rng.nextGaussian() - 0.18);
    int count = Math.max(exposed.length, (int) Math.round(mean * weight * noise));
    List<Contact> people = account.contacts();
    double[] contactWeights = new double[people.size()];
    for (int i = 0; i < contactWeights.length; i++) {
      contactWeights[i] = 0.5 + rng.nextDouble();
      if (people.get(i) == leadContact) {
        contactWeights[i] = people.size() * 0.6;
      }
    }
    double[] channelWeights = new double[exposed.length];
    for (int i = 0; i < exposed.length; i++) {
      channelWeights[i] = catalog.channel(exposed[i]).frequency();
    }
    List<Touch> touches = new ArrayList<>(count + 4);
    if (timeline.leadAt() >= 0) {
      int channel = exposed[AccountFactory.pick(rng, channelWeights)];
      long at = timeline.leadAt() - 30 - rng.nextInt(600);
      TouchType type = convertingType(catalog.channel(channel).group(), rng);
      String campaign = campaign(channel, window.dayOf(at), rng);
      touches.add(
          new Touch(
              at, channel, type, leadContact.visitorId(), leadContact, false, campaign, true));
    }
    int[] firstSlots = shuffled(exposed, rng);
    for (int i = 0; i < count; i++) {
      int channel =
          i < firstSlots.length ? firstSlots[i] : exposed[AccountFactory.pick(rng, channelWeights)];
      Contact contact = people.get(AccountFactory.pick(rng, contactWeights));
      touches.add(touch(channel, contact, leadContact, timeline, rng));
    }
    addMeetings(account, timeline, touches, rng);
    touches.sort(Comparator.comparingLong(Touch::at));
    return touches;
  }

  private Touch touch(
      int channel, Contact contact, Contact leadContact, Timeline timeline, RandomGenerator rng) {
    ChannelProfile profile = catalog.channel(channel);
    long at = timeline.start() + (long) (rng.nextDouble() * (timeline.end() - timeline.start()));
    at = daytime(at);
    int lastDay = window.dayOf(timeline.end()) + 1;
    String campaign;
    if (profile.group() == ChannelGroup.WEBINARS) {
      MarketingCalendar.Event event =
          MarketingCalendar.firstBetween(calendar.webinars(), window.dayOf(at), lastDay);
      at = event == null ? at : window.epochOfDay(event.day()) + 11 * Window.HOUR;
      campaign = event == null ? "webinar_on_demand" : event.campaign();
    } else if (profile.group() == ChannelGroup.CONFERENCES) {
      MarketingCalendar.Event event =
          MarketingCalendar.firstBetween(
              calendar.conferences(), window.dayOf(timeline.start()), lastDay);
      at = event == null ? at : window.epochOfDay(event.day()) + 10 * Window.HOUR;
      campaign = event == null ? "conference_meetup" : event.campaign();
    } else {
      campaign = campaign(channel, window.dayOf(at), rng);
    }
    at = Math.min(Math.max(at + rng.nextInt(5_400), timeline.start()), timeline.end());
    TouchType type = type(profile.group(), rng);
    boolean web = type == TouchType.VISIT || type == TouchType.AD_CLICK || type == TouchType.CHAT;
    boolean anonymous =
        contact == leadContact && web && at < timeline.leadAt() && rng.nextDouble() < 0.75;
    return new Touch(at, channel, type, contact.visitorId(), contact, anonymous, campaign, false);
  }

  private void addMeetings(
      Account account, Timeline timeline, List<Touch> touches, RandomGenerator rng) {
    Stage[] meetingStages = {Stage.MEETING, Stage.PROPOSAL, Stage.NEGOTIATION};
    for (Stage stage : meetingStages) {
      long entered = timeline.entered(stage);
      if (entered < 0) {
        continue;
      }
      Contact contact =
          account.withRole(
              stage == Stage.MEETING ? Contact.Role.DECISION_MAKER : Contact.Role.CHAMPION);
      long at = Math.max(timeline.start(), entered - 1_800 - rng.nextInt(3_600));
      touches.add(
          new Touch(
              at, salesChannel, TouchType.MEETING, contact.visitorId(), contact, false, "", false));
    }
  }

  /** A campaign of the channel active on the day, or "" when the channel has none. */
  String campaign(int channel, int day, RandomGenerator rng) {
    ChannelProfile profile = catalog.channel(channel);
    switch (profile.group()) {
      case WEBINARS -> {
        MarketingCalendar.Event event =
            MarketingCalendar.firstBetween(calendar.webinars(), day, day + 15);
        return event == null ? "webinar_on_demand" : event.campaign();
      }
      case CONFERENCES -> {
        MarketingCalendar.Event event =
            MarketingCalendar.firstBetween(calendar.conferences(), Math.max(0, day - 3), day + 1);
        return event == null ? "conference_meetup" : event.campaign();
      }
      default -> {
        List<Campaign> campaigns = profile.campaigns();
        if (campaigns.isEmpty()) {
          return "";
        }
        List<Campaign> active = new ArrayList<>(campaigns.size());
        for (Campaign campaign : campaigns) {
          if (campaign.activeOn(day)) {
            active.add(campaign);
          }
        }
        List<Campaign> from = active.isEmpty() ? campaigns : active;
        return from.get(rng.nextInt(from.size())).name();
      }
    }
  }

  /** Moves a moment into 07:00–23:00 of its Moscow day, when people browse. */
  private long daytime(long epochSecond) {
    long dayStart = window.epochOfDay(window.dayOf(epochSecond));
    return dayStart + 7 * Window.HOUR + (epochSecond - dayStart) * 16 / 24;
  }

  static TouchType type(ChannelGroup group, RandomGenerator rng) {
    return switch (group) {
      case PAID_SEARCH, PAID_SOCIAL, DISPLAY -> TouchType.AD_CLICK;
      case SPONSORED_CONTENT, ORGANIC_SEARCH, ORGANIC_SOCIAL, REFERRAL, DIRECT, PARTNERS ->
          rng.nextDouble() < 0.04 ? TouchType.CHAT : TouchType.VISIT;
      case EMAIL -> TouchType.EMAIL;
      case WEBINARS -> TouchType.WEBINAR;
      case CONFERENCES -> TouchType.EVENT;
      case CALLS -> TouchType.CALL;
      case SALES -> TouchType.MEETING;
    };
  }

  private static TouchType convertingType(ChannelGroup group, RandomGenerator rng) {
    return switch (group) {
      case CALLS -> TouchType.CALL;
      case CONFERENCES -> TouchType.EVENT;
      case SALES -> TouchType.MEETING;
      case PAID_SEARCH,
          PAID_SOCIAL,
          DISPLAY,
          SPONSORED_CONTENT,
          WEBINARS,
          PARTNERS,
          ORGANIC_SEARCH,
          EMAIL,
          ORGANIC_SOCIAL,
          REFERRAL,
          DIRECT ->
          rng.nextDouble() < 0.15 ? TouchType.CHAT : TouchType.FORM;
    };
  }

  static int[] bits(long mask) {
    int[] bits = new int[Long.bitCount(mask)];
    int i = 0;
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      bits[i++] = Long.numberOfTrailingZeros(rest);
    }
    return bits;
  }

  private static int[] shuffled(int[] values, RandomGenerator rng) {
    int[] copy = values.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }
}
