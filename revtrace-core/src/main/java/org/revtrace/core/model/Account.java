package org.revtrace.core.model;

/** A company: the buyer in B2B, whose contacts form the buying committee. */
public record Account(
    String id,
    String name,
    String domain,
    String industry,
    String size,
    String region,
    String tier) {

  public Account {
    Text.requireId(id, "account id");
    name = Text.blankToNull(name);
    domain = Text.blankToNull(domain);
    industry = Text.blankToNull(industry);
    size = Text.blankToNull(size);
    region = Text.blankToNull(region);
    tier = Text.blankToNull(tier);
  }
}
