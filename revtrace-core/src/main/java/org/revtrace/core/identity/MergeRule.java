package org.revtrace.core.identity;

import java.util.Optional;
import org.revtrace.core.model.Codes;

/**
 * The rule behind a merge, in the order the rules are applied (strongest first within a kind).
 *
 * <ul>
 *   <li>{@code VISITOR_ID}: a touch or lead names a contact together with a visitor id;
 *   <li>{@code CLICK_ID}: the same ad click id (gclid, yclid, fbclid) on a touch's landing page or
 *       a lead's {@code click_id};
 *   <li>{@code EMAIL}, {@code PHONE}: the same normalised (hashed) e-mail or phone;
 *   <li>{@code CRM_COMPANY}: the person's account is the CRM company its contact, lead or touch
 *       names;
 *   <li>{@code EMAIL_DOMAIN}: the person's corporate e-mail domain is an account's domain;
 *   <li>{@code DERIVED_DOMAIN}: no account has that domain, so the domain becomes an account;
 *   <li>{@code DUPLICATE_LEAD}: a later lead of the same person inside the duplicate window.
 * </ul>
 */
public enum MergeRule {
  VISITOR_ID(MergeKind.PERSON),
  CLICK_ID(MergeKind.PERSON),
  EMAIL(MergeKind.PERSON),
  PHONE(MergeKind.PERSON),
  CRM_COMPANY(MergeKind.ACCOUNT),
  EMAIL_DOMAIN(MergeKind.ACCOUNT),
  DERIVED_DOMAIN(MergeKind.ACCOUNT),
  DUPLICATE_LEAD(MergeKind.LEAD);

  private final MergeKind kind;

  MergeRule(MergeKind kind) {
    this.kind = kind;
  }

  public MergeKind kind() {
    return kind;
  }

  /** The stable code, as written in reports: the constant's name ({@code EMAIL_DOMAIN}). */
  public String code() {
    return name();
  }

  /** The rule of a code, case-insensitive, {@code -} read as {@code _}; empty when unknown. */
  public static Optional<MergeRule> parse(String code) {
    return Codes.parse(MergeRule.class, code, "-");
  }
}
