package org.revtrace.app.demo;

import java.util.List;

/** The canonical CSV files and their header columns, as in ARCHITECTURE.md. */
enum CanonicalFile {
  SPEND("spend.csv", "date,channel,cost,source,medium,campaign,impressions,clicks,currency"),
  TOUCHPOINTS(
      "touchpoints.csv",
      "touchpoint_id,occurred_at,channel,visitor_id,contact_id,account_id,type,source,medium,"
          + "campaign,content,term,landing_page,referrer"),
  LEADS(
      "leads.csv",
      "lead_id,created_at,contact_id,account_id,visitor_id,email,phone,channel,source,medium,"
          + "campaign,mql_at,sql_at,first_response_at"),
  DEALS(
      "deals.csv",
      "deal_id,created_at,amount,account_id,contact_id,lead_id,currency,stage,status,closed_at,"
          + "product"),
  STAGE_CHANGES("stage_changes.csv", "deal_id,stage,entered_at"),
  PAYMENTS("payments.csv", "payment_id,paid_at,amount,deal_id,account_id,currency"),
  ACCOUNTS("accounts.csv", "account_id,name,domain,industry,size,region,tier"),
  CONTACTS("contacts.csv", "contact_id,account_id,email,phone,role"),
  COSTS("costs.csv", "date,category,amount,channel,currency"),
  RATES("rates.csv", "date,currency,rate");

  private final String fileName;
  private final List<String> header;

  CanonicalFile(String fileName, String header) {
    this.fileName = fileName;
    this.header = List.of(header.split(","));
  }

  String fileName() {
    return fileName;
  }

  List<String> header() {
    return header;
  }

  int columns() {
    return header.size();
  }
}
