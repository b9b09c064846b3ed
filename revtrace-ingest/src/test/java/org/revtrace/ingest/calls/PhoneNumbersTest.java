package org.revtrace.ingest.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.PersonalData;

class PhoneNumbersTest {

  @Test
  void russianPrefixesSpacesBracketsAndExtensionsGiveOneNumber() {
    for (String written :
        new String[] {
          "+7 (916) 123-45-67",
          "8 916 123 45 67",
          "79161234567",
          "7-916-123-45-67",
          "(916) 123-45-67",
          "+7 916 123-45-67 доб. 204",
          "8(916)1234567 ext 5",
          "+79161234567#12",
          "8-10-7-916-123-45-67"
        }) {
      assertThat(PhoneNumbers.normalise(written, "7")).as(written).isEqualTo("79161234567");
    }
  }

  @Test
  void otherCountriesKeepTheirCodeAndShortOrEmptyNumbersAreNoPhone() {
    assertThat(PhoneNumbers.normalise("+375 29 123-45-67", "7")).isEqualTo("375291234567");
    assertThat(PhoneNumbers.normalise("00 49 30 1234567", "7")).isEqualTo("49301234567");
    assertThat(PhoneNumbers.normalise("+1 (212) 555-0100", "7")).isEqualTo("12125550100");
    assertThat(PhoneNumbers.normalise("101", "7")).isNull();
    assertThat(PhoneNumbers.normalise("anonymous", "7")).isNull();
    assertThat(PhoneNumbers.normalise("  ", "7")).isNull();
    assertThat(PhoneNumbers.normalise(null, "7")).isNull();
    assertThat(PhoneNumbers.normalise("1234567890123456", "7")).as("16 digits").isNull();
  }

  @Test
  void keysAreTheHashesALeadPhoneIsStoredUnder() {
    PersonalData personal = new PersonalData("s");
    String e164 = PhoneNumbers.normalise("8 (916) 123-45-67", "7");

    assertThat(PhoneNumbers.keys(e164, personal))
        .containsExactly(personal.hashPhone("+7 916 123-45-67"), personal.hashPhone("9161234567"));
    assertThat(PhoneNumbers.keys(e164, personal)).contains(personal.hashPhone("89161234567"));
    assertThat(PhoneNumbers.keys("375291234567", personal)).hasSize(1);
    assertThat(PhoneNumbers.keys(null, personal)).isEmpty();
  }
}
