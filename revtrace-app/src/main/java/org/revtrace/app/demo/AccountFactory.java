package org.revtrace.app.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Makes target companies and their buying committees: Russian companies with Cyrillic names and
 * {@code .ru} domains, about one in ten global ones; industry, size band, region and an ABM tier
 * correlated with size; committees of 2–6 people, always with a decision maker and a champion.
 */
final class AccountFactory {

  private static final String[][] NAME_HEADS = {
    {"Альфа", "alfa"}, {"Север", "sever"}, {"Техно", "tekhno"}, {"Гранит", "granit"},
    {"Вектор", "vektor"}, {"Восток", "vostok"}, {"Урал", "ural"}, {"Балтик", "baltik"},
    {"Нева", "neva"}, {"Кристалл", "kristall"}, {"Сфера", "sfera"}, {"Импульс", "impuls"},
    {"Меридиан", "meridian"}, {"Полюс", "polyus"}, {"Ресурс", "resurs"}, {"Стандарт", "standart"},
    {"Орбита", "orbita"}, {"Профи", "profi"}, {"Эталон", "etalon"}, {"Волга", "volga"},
    {"Сибирь", "sibir"}, {"Горизонт", "gorizont"}, {"Атлант", "atlant"}, {"Фаворит", "favorit"},
    {"Интер", "inter"}, {"Мега", "mega"}, {"Прима", "prima"}, {"Дельта", "delta"},
    {"Квант", "kvant"}, {"Оникс", "oniks"}
  };
  private static final String[][] NAME_TAILS = {
    {"Строй", "stroy"}, {"Логистик", "logistik"}, {"Софт", "soft"}, {"Пром", "prom"},
    {"Трейд", "trade"}, {"Энерго", "energo"}, {"Медиа", "media"}, {"Агро", "agro"},
    {"Фарм", "farm"}, {"Сервис", "servis"}, {"Маш", "mash"}, {"Телеком", "telecom"},
    {"Инвест", "invest"}, {"Хим", "khim"}, {"Металл", "metall"}, {"Девелопмент", "development"},
    {"Системс", "systems"}, {"Групп", "group"}, {"Лаб", "lab"}, {"Транс", "trans"}
  };
  private static final String[] GLOBAL_HEADS = {
    "Northwind", "Bluefin", "Silverline", "Crescent", "Atlas", "Harbor", "Summit", "Orion"
  };
  private static final String[] GLOBAL_TAILS = {
    "Analytics", "Logistics", "Industries", "Software", "Trading", "Foods", "Energy"
  };
  private static final String[] LEGAL_FORMS = {"ООО", "ООО", "ООО", "АО", "ПАО"};
  private static final String[] INDUSTRIES = {
    "manufacturing",
    "logistics",
    "it",
    "retail",
    "finance",
    "construction",
    "healthcare",
    "energy",
    "agriculture",
    "professional_services",
    "telecom",
    "education"
  };
  private static final String[] SIZES = {"1-50", "51-200", "201-1000", "1001-5000", "5000+"};
  private static final double[] SIZE_WEIGHTS = {0.22, 0.33, 0.27, 0.12, 0.06};
  private static final String[] REGIONS = {
    "Moscow", "Moscow", "Moscow", "Saint Petersburg", "Saint Petersburg", "Yekaterinburg",
    "Novosibirsk", "Kazan", "Nizhny Novgorod", "Krasnodar", "Samara", "Rostov-on-Don"
  };
  private static final String[][] GLOBAL_REGIONS = {
    {"Kazakhstan", "+77"},
    {"UAE", "+9715"},
    {"Serbia", "+3816"},
    {"Germany", "+4915"},
    {"Armenia", "+3749"}
  };
  private static final String[] FIRST_NAMES = {
    "ivan",
    "anna",
    "sergey",
    "elena",
    "dmitry",
    "olga",
    "alexey",
    "maria",
    "pavel",
    "natalia",
    "andrey",
    "irina",
    "mikhail",
    "tatiana",
    "nikolay",
    "ekaterina",
    "artem",
    "yulia",
    "oleg",
    "svetlana",
    "roman",
    "daria",
    "igor",
    "ksenia"
  };
  private static final String[] LAST_NAMES = {
    "ivanov",
    "petrov",
    "smirnov",
    "kuznetsov",
    "popov",
    "volkov",
    "sokolov",
    "lebedev",
    "kozlov",
    "novikov",
    "morozov",
    "orlov",
    "belov",
    "zaitsev",
    "pavlov",
    "semenov",
    "egorov",
    "vinogradov",
    "bogdanov",
    "fedorov",
    "mikhailov",
    "nikitin"
  };

  private final int nameStride;

  AccountFactory() {
    int combos = NAME_HEADS.length * NAME_TAILS.length;
    int stride = 7;
    while (gcd(stride, combos) != 1) {
      stride++;
    }
    this.nameStride = stride;
  }

  /** The account at {@code ordinal}; names and domains are unique across ordinals. */
  Account create(int ordinal, RandomGenerator rng) {
    String id = String.format(Locale.ROOT, "acc-%06d", ordinal + 1);
    boolean global = rng.nextDouble() < 0.1;
    int sizeBand = pick(rng, SIZE_WEIGHTS);
    Account.Tier tier = tier(sizeBand, rng);
    String name;
    String domain;
    String region;
    String phonePrefix;
    if (global) {
      int combo = ordinal % (GLOBAL_HEADS.length * GLOBAL_TAILS.length);
      String head = GLOBAL_HEADS[combo % GLOBAL_HEADS.length];
      String tail = GLOBAL_TAILS[combo / GLOBAL_HEADS.length];
      String[] place = GLOBAL_REGIONS[rng.nextInt(GLOBAL_REGIONS.length)];
      name = head + " " + tail + " " + (ordinal + 1) + " LLC";
      domain = (head + tail).toLowerCase(Locale.ROOT) + (ordinal + 1) + ".com";
      region = place[0];
      phonePrefix = place[1];
    } else {
      int combos = NAME_HEADS.length * NAME_TAILS.length;
      int combo = (int) ((long) ordinal * nameStride % combos);
      String[] head = NAME_HEADS[combo % NAME_HEADS.length];
      String[] tail = NAME_TAILS[combo / NAME_HEADS.length];
      String legal = LEGAL_FORMS[rng.nextInt(LEGAL_FORMS.length)];
      String suffix = ordinal < combos ? "" : "-" + (ordinal / combos + 1);
      name = legal + " «" + head[0] + tail[0] + suffix + "»";
      domain = head[1] + tail[1] + suffix + ".ru";
      region = REGIONS[rng.nextInt(REGIONS.length)];
      phonePrefix = "+79";
    }
    String industry = INDUSTRIES[rng.nextInt(INDUSTRIES.length)];
    List<Contact> contacts = committee(id, domain, phonePrefix, sizeBand, rng);
    return new Account(
        ordinal, id, name, domain, industry, SIZES[sizeBand], region, tier, global, contacts);
  }

  private List<Contact> committee(
      String accountId, String domain, String phonePrefix, int sizeBand, RandomGenerator rng) {
    int members = Math.min(6, 2 + rng.nextInt(2) + rng.nextInt(sizeBand + 1));
    List<Contact.Role> roles = new ArrayList<>(List.of(Contact.Role.values()));
    List<Contact> contacts = new ArrayList<>();
    Set<String> emails = new HashSet<>();
    for (int i = 0; i < members; i++) {
      Contact.Role role = i < 2 ? roles.remove(0) : roles.remove(rng.nextInt(roles.size()));
      String email;
      do {
        email =
            FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)]
                + "."
                + LAST_NAMES[rng.nextInt(LAST_NAMES.length)]
                + "@"
                + domain;
      } while (!emails.add(email));
      StringBuilder phone = new StringBuilder(phonePrefix);
      while (phone.length() < 12) {
        phone.append(rng.nextInt(10));
      }
      String contactId = "con-" + accountId.substring(4) + "-" + (i + 1);
      String visitorId = "v-" + Long.toHexString(rng.nextLong() >>> 4);
      contacts.add(new Contact(contactId, accountId, email, phone.toString(), role, visitorId));
    }
    return contacts;
  }

  private static Account.Tier tier(int sizeBand, RandomGenerator rng) {
    double fit = sizeBand * 0.22 + rng.nextDouble() * 0.6;
    if (fit > 0.85) {
      return Account.Tier.A;
    }
    return fit > 0.5 ? Account.Tier.B : Account.Tier.C;
  }

  static int pick(RandomGenerator rng, double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double roll = rng.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
