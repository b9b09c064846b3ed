package org.revtrace.app.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP CSV injection: text a spreadsheet would run as a formula gets a leading apostrophe. */
class SpreadsheetTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+cmd",
        "@SUM(A1)",
        "-2+3",
        "\tcmd",
        "\rcmd"
      })
  void formulaTextIsNeutralised(String text) {
    assertThat(SpreadsheetText.neutralized(text)).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"brand_search", "", "a=b", "2025-06", "(none)", "'quoted"})
  void otherTextIsKept(String text) {
    assertThat(SpreadsheetText.neutralized(text)).isEqualTo(text);
  }

  @Test
  void numbersArePlainDecimals() {
    assertThat(SpreadsheetText.plain(-0.5)).isEqualTo("-0.5");
    assertThat(SpreadsheetText.plain(1.0E-7)).isEqualTo("0.0000001");
    assertThat(SpreadsheetText.plain(new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(SpreadsheetText.plain(42L)).isEqualTo("42");
  }
}
