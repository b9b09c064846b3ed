package org.revtrace.app.demo;

/** How a demo channel reaches people; decides touch types and UTM details. */
enum ChannelGroup {
  PAID_SEARCH,
  PAID_SOCIAL,
  DISPLAY,
  SPONSORED_CONTENT,
  WEBINARS,
  CONFERENCES,
  PARTNERS,
  ORGANIC_SEARCH,
  EMAIL,
  ORGANIC_SOCIAL,
  REFERRAL,
  DIRECT,
  CALLS,
  SALES
}
