package org.curate.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each detector alone: what it must find (exact text) and what it must leave alone. */
class DetectorsTest {
  private static List<String> found(PiiDetector detector, String text) {
    return found(detector, text, null);
  }

  private static List<String> found(PiiDetector detector, String text, String lang) {
    List<PiiSpan> spans = new ArrayList<>();
    detector.find(text, lang, spans);
    return spans.stream().sorted(java.util.Comparator.comparingInt(PiiSpan::start)).map(s -> s.in(text)).toList();
  }

  @Test
  void emails() {
    EmailDetector d = new EmailDetector();
    assertThat(found(d, "Write to jane.doe+news@mail.example.co.uk, or (bob_o'neil@Example.ORG).")).containsExactly(
        "jane.doe+news@mail.example.co.uk", "bob_o'neil@Example.ORG");
    assertThat(found(d, "mailto:info@bücher.de is not ASCII; info@xn--bcher-kva.de is")).containsExactly(
        "info@xn--bcher-kva.de");
    assertThat(found(d, "End of sentence: a.b@c.io.")).containsExactly("a.b@c.io");
    assertThat(found(d, "Contact: ops@corp.com: we answer fast")).containsExactly("ops@corp.com");
  }

  @Test
  void emailLookalikesAreNotEmails() {
    EmailDetector d = new EmailDetector();
    assertThat(found(d, "<img src=\"logo@2x.png\"> and icon@3x.webp")).isEmpty();
    assertThat(found(d, "git clone git@github.com:org/repo.git")).isEmpty();
    assertThat(found(d, "ssh root@localhost or user@server")).isEmpty();
    assertThat(found(d, "npm i @babel/core@7.22.5 @types/node")).isEmpty();
    assertThat(found(d, "a..b@example.com and .@example.com and x@-bad.com")).isEmpty();
  }

  @Test
  void phonesUseTheDocumentLanguageAsRegion() {
    PhoneDetector libphonenumberOnly = new PhoneDetector(false);
    String german = "Sie erreichen uns unter 030 12345678 oder +44 20 7946 0958.";
    assertThat(found(libphonenumberOnly, german, "de")).containsExactly("030 12345678", "+44 20 7946 0958");
    assertThat(found(libphonenumberOnly, german, "en")).containsExactly("+44 20 7946 0958");
    assertThat(found(libphonenumberOnly, "Call (650) 253-0000 today", null)).containsExactly("(650) 253-0000");
  }

  @Test
  void phonesInContext() {
    PhoneDetector d = new PhoneDetector();
    assertThat(found(d, "Phone: 0490 75 40 81")).containsExactly("0490 75 40 81");
    assertThat(found(d, "You can call 467 3395")).containsExactly("467 3395");
    assertThat(found(d, "(37) 788-063-Office")).containsExactly("(37) 788-063");
    // The same digits without a phone word are just numbers.
    assertThat(found(d, "We shipped 467 3395 units")).isEmpty();
    assertThat(found(d, "The office is at 17031 2202 Rissik St")).isEmpty();
  }

  @Test
  void phoneLookalikesOnRealPagesAreKept() {
    PhoneDetector d = new PhoneDetector();
    // With a German region, libphonenumber reads these as valid national numbers.
    String page = "Telefon: Mo 08.30 - 12.00 Uhr | 09.11.2022 - Konzert | 04.08.2022 10:02 | Seminar 02.02. - 23.02.23 "
        + "| Tel. Steuernummer 27/026/35703 | 2021-04-29 17:13:04.031886+02:00 | 17.093994855880737";
    assertThat(found(d, page, "de")).isEmpty();
    assertThat(found(d, "Tel.: 0471 80 60 745 | Fax: (0341) 6892826", "de")).containsExactly("0471 80 60 745",
        "(0341) 6892826");
  }

  @Test
  void publicIpAddresses() {
    IpDetector d = new IpDetector();
    assertThat(found(d, "from 86.121.97.248, then 2a00:1450:4001:81c::200e and 2606:4700::1111.")).containsExactly(
        "86.121.97.248", "2a00:1450:4001:81c::200e", "2606:4700::1111");
    assertThat(found(d, "::ffff:93.184.216.34")).containsExactly("::ffff:93.184.216.34");
  }

  @Test
  void nonPublicAndNonAddressesAreKept() {
    IpDetector d = new IpDetector();
    assertThat(found(d, "10.0.0.1 192.168.1.1 172.16.5.4 127.0.0.1 169.254.1.1 100.64.0.1 0.0.0.0")).isEmpty();
    assertThat(found(d, "192.0.2.1 198.51.100.7 203.0.113.9 224.0.0.251 255.255.255.255 8.8.8.8 1.1.1.1")).isEmpty();
    assertThat(found(d, "::1 fe80::1ff:fe23:4567:890a fd12:3456:789a::1 2001:db8::8a2e:370:7334 ff02::1")).isEmpty();
    assertThat(found(d, "version 1.2.3.4, v1.2.3.4, Build 10.0.19041.1, OID 1.3.6.1.4.1.2021, 300.1.2.3, 01.02.03.04"))
        .isEmpty();
    assertThat(found(d, "12:30:45, std::vector, 00:1A:2B:3C:4D:5E, a::b")).isEmpty();
  }

  @Test
  void ipPreChecksHoldWheneverTheirPatternMatches() {
    // The cheap scans decide whether the regexes run at all, so they must never say no to a match.
    String[] pieces = {"1", "8", "93", "255", "1234", ".", ".", ":", ":", "::", "a", "fF0", "beef", "g", "x", " ", " ", "-",
        "86.121.97", ".248", "8.8.", "2a00:1450:", "4001::", ":200e", "10:30"};
    java.util.Random random = new java.util.Random(3);
    int v4Matches = 0;
    int v6Matches = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = random.nextInt(16); i < n; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      if (IpDetector.V4.matcher(text).find()) {
        v4Matches++;
        assertThat(IpDetector.hasDottedQuad(text)).as(text).isTrue();
      }
      if (IpDetector.V6.matcher(text).find()) {
        v6Matches++;
        assertThat(IpDetector.hasColonPair(text)).as(text).isTrue();
      }
    }
    assertThat(v4Matches).isGreaterThan(50);
    assertThat(v6Matches).isGreaterThan(50);
    assertThat(IpDetector.hasDottedQuad("version 3.5 and 10.1.2")).isFalse();
    assertThat(IpDetector.hasColonPair("at 10:30, Phone: 555")).isFalse();
  }

  @Test
  void cards() {
    CardDetector d = new CardDetector();
    assertThat(found(d, "Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 378282246310005.")).containsExactly(
        "4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005");
    assertThat(found(d, "card 4111 1111 1111 1111 12 pcs")).containsExactly("4111 1111 1111 1111");
    assertThat(found(d, "my maestro card 501800000009")).containsExactly("501800000009");
  }

  @Test
  void cardLookalikesAreKept() {
    CardDetector d = new CardDetector();
    assertThat(found(d, "4111 1111 1111 1112 fails Luhn")).isEmpty();
    assertThat(found(d, "ISBN 978-3-16-148410-0 and 9783161484100")).isEmpty(); // 978 is no card prefix
    assertThat(found(d, "501800000009 without a card word")).isEmpty();
    assertThat(found(d, "4111 1111-1111 1111 mixes joiners")).isEmpty();
    assertThat(found(d, "id=a4111111111111111 and 4111111111111111.5")).isEmpty();
  }

  @Test
  void ibans() {
    IbanDetector d = new IbanDetector();
    assertThat(found(d, "IBAN: DE89 3704 0044 0532 0130 00, GB82WEST12345698765432; gb82west12345698765432."))
        .containsExactly("DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "gb82west12345698765432");
    assertThat(found(d, "DE89 3704 0044 0532 0130 01 fails mod-97, DE89370400440532013000123 is too long")).isEmpty();
    assertThat(found(d, "XX89370400440532013000 has no such country, Gb82WEST12345698765432 mixes case")).isEmpty();
  }

  @Test
  void ssns() {
    SsnDetector d = new SsnDetector();
    assertThat(found(d, "SSN 460-89-9847 and 772-10-1234")).containsExactly("460-89-9847", "772-10-1234");
    assertThat(found(d, "000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000 078-05-1120 123-45-6789"))
        .isEmpty();
    assertThat(found(d, "1-460-89-9847, 460-89-98470, 2024-01-15")).isEmpty();
  }

  @Test
  void secrets() {
    SecretDetector d = new SecretDetector();
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----";
    String ghp = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    String text = "key:\n" + pem + "\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
        + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
        + "token " + ghp + " slack xoxb-1234567890-abcdefghij and " + jwt;
    assertThat(found(d, text)).containsExactly(pem, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ghp, "xoxb-1234567890-abcdefghij", jwt);
  }

  @Test
  void secretLookalikesAreKept() {
    SecretDetector d = new SecretDetector();
    assertThat(found(d, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----")).isEmpty();
    assertThat(found(d, "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 AKIA is a prefix, ghp_short")).isEmpty();
  }
}
