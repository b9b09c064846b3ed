package org.revtrace.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignMapFileTest {

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("campaigns.csv"), text, StandardCharsets.UTF_8);
  }

  @Test
  void overridesMapIdsToTheTagTheLinksCarry() throws IOException {
    Path map =
        file("\uFEFFcampaign_id,utm_campaign,comment\n338151,spring_sale,\"renamed, in March\"\n");

    CampaignMapping mapping =
        CampaignMapping.of(AdSource.YANDEX_DIRECT, CampaignMapping.readOverrides(map));

    assertThat(mapping.utm("338151", "Весенняя распродажа").campaign()).isEqualTo("spring_sale");
    assertThat(mapping.utm("338152", "Brand").campaign()).isEqualTo("brand");
  }

  @Test
  void aBadFileIsNamedWithItsLine() throws IOException {
    assertThatThrownBy(() -> CampaignMapping.readOverrides(file("id,campaign\n1,a\n")))
        .hasMessageContaining("campaign_id and utm_campaign");
    assertThatThrownBy(
            () -> CampaignMapping.readOverrides(file("campaign_id,utm_campaign\n1,a\n1,b\n")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> CampaignMapping.readOverrides(file("campaign_id,utm_campaign\n1,\n")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("must not be blank");
  }
}
