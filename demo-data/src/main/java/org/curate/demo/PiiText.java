package org.curate.demo;

import java.util.Random;

/**
 * Paragraphs carrying personal data for PII filters to find: e-mail addresses, phone numbers in
 * several national formats, Luhn-valid card numbers and IP addresses. All of it is fictitious:
 * mail domains and IPs come from the ranges reserved for documentation.
 */
public final class PiiText {
    private static final String[] FIRST = {"anna", "john.smith", "m.mueller", "claire.dubois", "j.garcia", "peter_k", "lisa.chen", "tom84"};
    private static final String[] MAIL_DOMAINS = {"mail.example", "example.com", "example.org", "post.example.net"};
    private static final String[] CARD_PREFIXES = {"4", "51", "52", "55", "37"};

    private final Random random;

    public PiiText(Random random) {
        this.random = random;
    }

    public String paragraph(Language language) {
        String email = FIRST[random.nextInt(FIRST.length)] + random.nextInt(100) + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
        String phone = phone();
        String card = cardNumber();
        String ip = ip();
        return switch (language) {
            case GERMAN -> "Bei Fragen erreichen Sie uns per E-Mail an " + email + " oder telefonisch unter " + phone
                    + ". Die Zahlung erfolgte mit der Karte " + card + ", die Bestellung kam von der IP-Adresse " + ip + ".";
            case FRENCH -> "Pour toute question, écrivez à " + email + " ou appelez le " + phone
                    + ". Le paiement a été fait avec la carte " + card + " depuis l'adresse IP " + ip + ".";
            default -> "If you have questions, email me at " + email + " or call " + phone
                    + ". I paid with my card " + card + " and the order came from IP address " + ip + ".";
        };
    }

    /** Phone numbers in US, UK, German, French and international forms. */
    String phone() {
        return switch (random.nextInt(6)) {
            case 0 -> String.format("(%03d) 555-%04d", 201 + random.nextInt(700), 100 + random.nextInt(99));
            case 1 -> String.format("+1 %03d-555-%04d", 201 + random.nextInt(700), 100 + random.nextInt(99));
            case 2 -> String.format("+44 20 7946 %04d", random.nextInt(1000));
            case 3 -> String.format("+49 30 %08d", random.nextInt(100_000_000));
            case 4 -> String.format("030 %04d %04d", random.nextInt(10_000), random.nextInt(10_000));
            default -> String.format("+33 1 %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100));
        };
    }

    /** A card number that passes the Luhn check, grouped as printed on cards. */
    String cardNumber() {
        String prefix = CARD_PREFIXES[random.nextInt(CARD_PREFIXES.length)];
        int length = prefix.equals("37") ? 15 : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        digits.append(luhnCheckDigit(digits));
        if (length == 15) {
            return digits.substring(0, 4) + " " + digits.substring(4, 10) + " " + digits.substring(10);
        }
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " " + digits.substring(12);
    }

    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        for (int i = payload.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
            int d = payload.charAt(i) - '0';
            if (doubled == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** IPv4 from the documentation ranges (RFC 5737), now and then IPv6 (RFC 3849). */
    String ip() {
        if (random.nextInt(5) == 0) {
            return String.format("2001:db8:%x::%x", random.nextInt(0xffff), 1 + random.nextInt(0xfff));
        }
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        return nets[random.nextInt(nets.length)] + (1 + random.nextInt(254));
    }
}
