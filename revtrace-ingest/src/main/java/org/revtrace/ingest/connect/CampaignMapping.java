package org.revtrace.ingest.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * How an ad platform's campaigns become the UTM tags of spend rows, so spend meets the touchpoints
 * its clicks produced.
 *
 * <p>Definition: utm_campaign is the override for the campaign id when {@code overrides} has one,
 * else the campaign name, else the campaign id; the result is cleaned with {@link
 * UtmNormalizer#clean} exactly as touchpoint tags are (decode, collapse spaces, lower-case). The
 * utm_source and utm_medium are the platform defaults ({@link AdSource}) unless given, mapped
 * through the same synonym table as touchpoints.
 *
 * @param source the platform
 * @param utmSource utm_source written on every row
 * @param utmMedium utm_medium written on every row
 * @param overrides campaign id → utm_campaign, for campaigns whose links carry another tag
 */
public record CampaignMapping(
    AdSource source, String utmSource, String utmMedium, Map<String, String> overrides) {

  private static final UtmNormalizer UTMS = new UtmNormalizer();

  public CampaignMapping {
    Objects.requireNonNull(source, "source");
    utmSource = UTMS.source(utmSource == null ? source.utmSource() : utmSource);
    utmMedium = UTMS.medium(utmMedium == null ? source.utmMedium() : utmMedium);
    overrides = Map.copyOf(overrides);
  }

  /** The platform defaults with no overrides. */
  public static CampaignMapping of(AdSource source) {
    return new CampaignMapping(source, null, null, Map.of());
  }

  /** The platform defaults with a campaign id → utm_campaign override map. */
  public static CampaignMapping of(AdSource source, Map<String, String> overrides) {
    return new CampaignMapping(source, null, null, overrides);
  }

  /**
   * The campaign id → utm_campaign overrides of a CSV file with the header {@code
   * campaign_id,utm_campaign} (UTF-8, RFC 4180 quoting, further columns ignored).
   *
   * @throws IllegalArgumentException naming the file and line of a missing column, a blank value or
   *     an id listed twice
   */
  public static Map<String, String> readOverrides(Path file) throws IOException {
    List<ReportText.Line> lines =
        ReportText.records(
            Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""), ',');
    if (lines.isEmpty()) {
      return Map.of();
    }
    List<String> header =
        lines.get(0).fields().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    int id = header.indexOf("campaign_id");
    int campaign = header.indexOf("utm_campaign");
    if (id < 0 || campaign < 0) {
      throw new IllegalArgumentException(
          file + ": the header must name campaign_id and utm_campaign, got " + header);
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (ReportText.Line line : lines.subList(1, lines.size())) {
      List<String> fields = line.fields();
      String key = fields.size() > id ? fields.get(id).strip() : "";
      String value = fields.size() > campaign ? fields.get(campaign).strip() : "";
      if (key.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException(
            file + ": line " + line.number() + ": campaign_id and utm_campaign must not be blank");
      }
      if (overrides.put(key, value) != null) {
        throw new IllegalArgumentException(
            file + ": line " + line.number() + ": campaign " + key + " is listed twice");
      }
    }
    return overrides;
  }

  /** The canonical channel of the rows. */
  public String channel() {
    return source.channel();
  }

  /**
   * The UTM tags of a campaign's spend; {@code id} and {@code name} may be null or blank (not both
   * for a campaign row; with neither, the campaign tag is absent).
   */
  public Utm utm(String id, String name) {
    String key = id == null ? null : id.strip();
    String override = key == null ? null : overrides.get(key);
    String campaign;
    if (override != null) {
      campaign = override;
    } else if (name != null && !name.isBlank()) {
      campaign = name;
    } else {
      campaign = key;
    }
    return new Utm(utmSource, utmMedium, UtmNormalizer.clean(campaign), null, null);
  }
}
