package org.revtrace.ingest.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.Fixtures;

class LinkedInConnectorTest {

  private static final CampaignMapping LINKEDIN = CampaignMapping.of(AdSource.LINKEDIN_ADS);

  @Test
  void campaignManagerExportAfterItsMetadataLines() {
    ImportResult result =
        LinkedInCampaignReport.parse(
            "campaign-performance.csv",
            Fixtures.bytes("linkedin/campaign-performance.csv"),
            "USD",
            LINKEDIN);

    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 linkedin_ads linkedin/paid_social/abm decision makers 5000 42 123.45 USD",
            "2025-03-02 linkedin_ads linkedin/paid_social/abm decision makers 3000 18 76.55 USD");
    assertThat(Fixtures.errors(result))
        .containsExactly("11 Currency BAD_CURRENCY", "12 Total Spent BAD_NUMBER");
    assertThat(result.errors().get(0).file()).isEqualTo("linkedin:campaign-performance.csv");
    assertThat(result.files().get(0).rowsRead()).isEqualTo(4);
  }

  @Test
  void utf16TabSeparatedExportIsReadToo() {
    String text =
        "Campaign Performance Report (in UTC)\n"
            + "Start Date (in UTC)\tCampaign Name\tCampaign ID\tCurrency\tTotal Spent\tImpressions\tClicks\n"
            + "3/1/2025\tABM\t1\tUSD\t10.5\t100\t2\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);

    ImportResult result = LinkedInCampaignReport.parse("utf16.csv", bytes, "USD", LINKEDIN);

    assertThat(Fixtures.rows(result))
        .containsExactly("2025-03-01 linkedin_ads linkedin/paid_social/abm 100 2 10.50 USD");
  }
}
