package org.revtrace.ingest.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * Turns calls into touchpoints of type {@code call} and joins them to the journeys of the leads
 * they were matched to ({@link CallMatcher}).
 *
 * <p>Each call becomes the touchpoint {@code call:<call id>} at the call's start (a matched call
 * that started after its lead was created, within the window's tolerance, is dated at the lead's
 * creation: the clocks disagree, the call brought the lead, and a journey holds the touches up to
 * its conversion), with its UTM tags normalised and its channel from the channel grouping with type
 * {@code call} (the default rules put every call in {@code calls}; a rules file without that rule
 * groups calls by their tags). Who touched:
 *
 * <ul>
 *   <li>a matched call carries the lead's contact, visitor and account ids, so identity resolution
 *       puts it in the lead's journey. A lead with neither contact nor visitor id gets the visitor
 *       id {@code lead:<lead id>}, and its calls carry the same;
 *   <li>an unmatched call with a number carries the visitor id {@code phone:<first 16 hex digits of
 *       the number's hash>}, so repeated calls from one number form one anonymous journey;
 *   <li>a call without a number carries the visitor id {@code call:<call id>}.
 * </ul>
 */
public final class CallTouchpoints {

  private final UtmNormalizer utms;
  private final ChannelGrouping grouping;

  public CallTouchpoints(UtmNormalizer utms, ChannelGrouping grouping) {
    this.utms = utms;
    this.grouping = grouping;
  }

  /** With the default UTM synonyms and channel rules. */
  public static CallTouchpoints defaults() {
    return new CallTouchpoints(new UtmNormalizer(), ChannelGrouping.defaults());
  }

  /**
   * The data with the calls matched to its leads and added as touchpoints.
   *
   * @param data the imported data (its leads are matched; id-less matched leads get a visitor id)
   * @param matches the calls' matches
   */
  public record Applied(CanonicalData data, CallMatcher.Matches matches) {}

  /** Matches {@code calls} to the leads of {@code data} and adds them as touchpoints. */
  public Applied apply(CanonicalData data, List<PhoneCall> calls, CallWindow window) {
    CallMatcher.Matches matches = CallMatcher.match(calls, data.leads(), window);
    Map<String, String> assignedVisitors = new HashMap<>();
    List<Touchpoint> touchpoints = new ArrayList<>(data.touchpoints().size() + calls.size());
    touchpoints.addAll(data.touchpoints());
    for (CallMatcher.Match match : matches.matches()) {
      touchpoints.add(touchpoint(match, assignedVisitors));
    }
    List<Lead> leads = data.leads();
    if (!assignedVisitors.isEmpty()) {
      leads = new ArrayList<>(data.leads().size());
      for (Lead lead : data.leads()) {
        String visitor = assignedVisitors.get(lead.id());
        leads.add(visitor == null ? lead : withVisitor(lead, visitor));
      }
    }
    return new Applied(
        new CanonicalData(
            data.spend(),
            touchpoints,
            leads,
            data.deals(),
            data.stageChanges(),
            data.payments(),
            data.accounts(),
            data.contacts(),
            data.costs(),
            data.rates()),
        matches);
  }

  Touchpoint touchpoint(CallMatcher.Match match, Map<String, String> assignedVisitors) {
    PhoneCall call = match.call();
    Utm utm = utms.normalize(call.utm());
    String channel = grouping.group(null, utm, null, TouchType.CALL);
    String contact = null;
    String visitor;
    String account = null;
    Lead lead = match.lead();
    if (lead != null) {
      contact = lead.contactId();
      account = lead.accountId();
      visitor = lead.visitorId();
      if (contact == null && visitor == null) {
        visitor = "lead:" + lead.id();
        assignedVisitors.put(lead.id(), visitor);
      }
    } else if (call.hasPhone()) {
      visitor = "phone:" + call.phoneKeys().get(0).substring(0, 16);
    } else {
      visitor = "call:" + call.id();
    }
    java.time.Instant at = call.startedAt();
    if (lead != null && at.isAfter(lead.createdAt())) {
      at = lead.createdAt();
    }
    return new Touchpoint(
        "call:" + call.id(),
        at,
        channel,
        visitor,
        contact,
        account,
        TouchType.CALL,
        utm,
        call.landingPage(),
        null);
  }

  private static Lead withVisitor(Lead lead, String visitor) {
    return new Lead(
        lead.id(),
        lead.createdAt(),
        lead.contactId(),
        lead.accountId(),
        visitor,
        lead.email(),
        lead.phone(),
        lead.channel(),
        lead.utm(),
        lead.mqlAt(),
        lead.sqlAt(),
        lead.firstResponseAt());
  }
}
