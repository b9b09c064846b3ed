package org.revtrace.ingest.connect;

/**
 * An ad platform Revtrace reads spend from: the channel its spend rows carry (the names the demo
 * data and channel rules already use), the UTM source and medium its links usually carry, and the
 * prefix of error file names ({@code googleads:report.csv}).
 */
public enum AdSource {
  GOOGLE_ADS("google_ads", "google", "cpc", "googleads"),
  YANDEX_DIRECT("yandex_direct", "yandex", "cpc", "yandexdirect"),
  VK_ADS("vk_ads", "vk", "cpc", "vkads"),
  LINKEDIN_ADS("linkedin_ads", "linkedin", "paid_social", "linkedin");

  private final String channel;
  private final String utmSource;
  private final String utmMedium;
  private final String prefix;

  AdSource(String channel, String utmSource, String utmMedium, String prefix) {
    this.channel = channel;
    this.utmSource = utmSource;
    this.utmMedium = utmMedium;
    this.prefix = prefix;
  }

  /** The canonical channel of this platform's spend, e.g. {@code yandex_direct}. */
  public String channel() {
    return channel;
  }

  /** The default utm_source of this platform's links, e.g. {@code yandex}. */
  public String utmSource() {
    return utmSource;
  }

  /** The default utm_medium of this platform's links, e.g. {@code cpc}. */
  public String utmMedium() {
    return utmMedium;
  }

  /** The connector name of this platform: {@code yandexdirect}, also the prefix of error files. */
  public String code() {
    return prefix;
  }

  /** The name errors carry for a file or endpoint: {@code googleads:campaign_report.csv}. */
  public String errorFile(String fileOrEndpoint) {
    return prefix + ":" + fileOrEndpoint;
  }
}
