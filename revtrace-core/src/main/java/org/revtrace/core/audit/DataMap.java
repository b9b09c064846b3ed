package org.revtrace.core.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Touchpoint;

/**
 * The "data map": what each kind of record holds and how the kinds link — for each link, the shared
 * id and how many records of one kind find their partner in the other (coverage).
 *
 * @param entities one row per kind of record
 * @param links one row per link
 */
public record DataMap(List<Entity> entities, List<Link> links) {

  /**
   * One kind of record.
   *
   * @param name {@code touchpoints}, {@code leads}, ...
   * @param rows how many
   * @param from the earliest date, or null without dates or rows
   * @param to the latest date, or null
   */
  public record Entity(String name, long rows, LocalDate from, LocalDate to) {}

  /**
   * How records of one kind reach another.
   *
   * @param from the kind that points
   * @param to the kind pointed at
   * @param via the shared id
   * @param linked records of {@code from} whose id finds a partner
   * @param total records of {@code from}
   */
  public record Link(String from, String to, String via, long linked, long total) {

    /** linked / total, 0..1 (1 for no records: nothing is unlinked). */
    public double coverage() {
      return total == 0 ? 1 : (double) linked / total;
    }
  }

  public DataMap {
    entities = List.copyOf(entities);
    links = List.copyOf(links);
  }

  /** The map of {@code data} (normalised rows, so campaigns compare after clean-up). */
  public static DataMap of(CanonicalData data) {
    List<Entity> entities = new ArrayList<>();
    entities.add(entity("spend", data.spend(), s -> s.date()));
    entities.add(entity("touchpoints", data.touchpoints(), t -> day(t.occurredAt())));
    entities.add(entity("leads", data.leads(), l -> day(l.createdAt())));
    entities.add(entity("deals", data.deals(), d -> day(d.createdAt())));
    entities.add(entity("stage changes", data.stageChanges(), c -> day(c.enteredAt())));
    entities.add(entity("payments", data.payments(), p -> day(p.paidAt())));
    entities.add(entity("contacts", data.contacts(), c -> null));
    entities.add(entity("accounts", data.accounts(), a -> null));

    Set<String> touchVisitors = ids(data.touchpoints(), Touchpoint::visitorId);
    Set<String> touchContacts = ids(data.touchpoints(), Touchpoint::contactId);
    Set<String> touchCampaigns = ids(data.touchpoints(), t -> t.utm().campaign());
    Set<String> touchChannels = ids(data.touchpoints(), Touchpoint::channel);
    Set<String> leadIds = ids(data.leads(), Lead::id);
    Set<String> contactIds = ids(data.contacts(), Contact::id);
    Set<String> accountIds = ids(data.accounts(), Account::id);
    Set<String> dealIds = ids(data.deals(), Deal::id);

    List<Link> links = new ArrayList<>();
    links.add(
        link(
            "spend",
            "touchpoints",
            "utm_campaign (channel without campaign)",
            data.spend(),
            s ->
                s.utm().campaign() != null
                    ? touchCampaigns.contains(s.utm().campaign())
                    : touchChannels.contains(s.channel())));
    links.add(
        link(
            "leads",
            "touchpoints",
            "visitor_id or contact_id",
            data.leads(),
            l ->
                l.visitorId() != null && touchVisitors.contains(l.visitorId())
                    || l.contactId() != null && touchContacts.contains(l.contactId())));
    links.add(
        link(
            "leads",
            "contacts",
            "contact_id",
            data.leads(),
            l -> contactIds.contains(l.contactId())));
    links.add(link("deals", "leads", "lead_id", data.deals(), d -> leadIds.contains(d.leadId())));
    links.add(
        link(
            "deals",
            "contacts",
            "contact_id",
            data.deals(),
            d -> contactIds.contains(d.contactId())));
    links.add(
        link(
            "deals",
            "accounts",
            "account_id",
            data.deals(),
            d -> accountIds.contains(d.accountId())));
    links.add(
        link(
            "stage changes",
            "deals",
            "deal_id",
            data.stageChanges(),
            c -> dealIds.contains(c.dealId())));
    links.add(
        link("payments", "deals", "deal_id", data.payments(), p -> dealIds.contains(p.dealId())));
    links.add(
        link(
            "contacts",
            "accounts",
            "account_id",
            data.contacts(),
            c -> accountIds.contains(c.accountId())));
    links.add(
        link(
            "touchpoints",
            "visitors or contacts",
            "visitor_id or contact_id",
            data.touchpoints(),
            t -> t.visitorId() != null || t.contactId() != null));
    return new DataMap(entities, links);
  }

  private static <T> Entity entity(String name, List<T> rows, Function<T, LocalDate> date) {
    LocalDate from = null;
    LocalDate to = null;
    for (T row : rows) {
      LocalDate day = date.apply(row);
      if (day != null) {
        from = from == null || day.isBefore(from) ? day : from;
        to = to == null || day.isAfter(to) ? day : to;
      }
    }
    return new Entity(name, rows.size(), from, to);
  }

  private static <T> Link link(
      String from, String to, String via, List<T> rows, Predicate<T> linked) {
    long count = rows.stream().filter(linked).count();
    return new Link(from, to, via, count, rows.size());
  }

  private static <T> Set<String> ids(List<T> rows, Function<T, String> id) {
    Set<String> ids = new HashSet<>();
    for (T row : rows) {
      String value = id.apply(row);
      if (value != null) {
        ids.add(value);
      }
    }
    return ids;
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
  }

  /** Spend's date (kept for symmetry with the other kinds). */
  static LocalDate day(Spend spend) {
    return spend.date();
  }
}
