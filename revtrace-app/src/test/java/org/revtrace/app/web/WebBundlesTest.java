package org.revtrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every page text exists in English and Russian: the two files of a bundle have the same keys. */
class WebBundlesTest {

  @ParameterizedTest
  @ValueSource(strings = {"common", "dashboard", "imports", "admin", "audit", "settings"})
  void englishAndRussianHaveTheSameKeysAndNoEmptyTexts(String bundle) throws IOException {
    Properties english = load("i18n/" + bundle + ".properties");
    Properties russian = load("i18n/" + bundle + "_ru.properties");

    assertThat(keys(russian)).as(bundle + ": keys of _ru vs English").isEqualTo(keys(english));
    english.forEach((key, text) -> assertThat(text.toString()).as(bundle + " " + key).isNotBlank());
    russian.forEach((key, text) -> assertThat(text.toString()).as(bundle + " " + key).isNotBlank());
  }

  private static Set<String> keys(Properties properties) {
    return new TreeSet<>(properties.stringPropertyNames());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = WebBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
