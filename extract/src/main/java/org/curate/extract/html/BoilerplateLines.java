package org.curate.extract.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises short lines of page furniture by their words, wherever they sit (they are often
 * inside the article's own container): ad-slot labels, subscription and share prompts, picture
 * credits and figure labels, related-content labels and blog metadata. Each rule only applies to
 * short lines, so a sentence of the text that mentions a newsletter or a photo is kept; the word
 * lists cover the languages of the web's largest shares. jusText-style paragraph classification,
 * reduced to what the block structure does not already decide.
 */
final class BoilerplateLines {
  private BoilerplateLines() {}

  /** Whether the block is one of the short furniture lines below. */
  static boolean isBoilerplate(TextBlock b) {
    String t = b.text();
    return isAdLabel(t) || isSubscriptionPrompt(b) || isSharePrompt(t) || isCreditLine(t)
        || isMoreToReadLabel(t) || isPostMetaLine(t) || isReaderNotice(t);
  }

  /**
   * Notices to the reader about the page rather than its subject: reading time ("Lesedauer: 3
   * Minuten", "5 min read"), "Image copyright" labels, "This slideshow requires JavaScript",
   * update stamps ("Updated at 1:23 p.m.", "Zuletzt aktualisiert am 28.01.2020"). Not
   * "Veröffentlicht am …": annotators keep publication lines as often as not.
   */
  private static final Pattern READER_NOTICE = Pattern.compile(
      "^(tempo de leitura|reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\\b"
          + "|^\\d+\\s*(min|minutes?|minuten)\\.?\\s*(read|lesezeit|lesen)\\b"
          + "|^(image|photo|picture|bild) (copyright|credit)"
          + "|^(updated|last updated|aktualisiert|zuletzt aktualisiert|actualizado|actualizada|mis à jour|aggiornato)\\b[^.]{0,50}\\d"
          + "|javascript.{0,40}\\b(required|requires|enable|enabled|disabled|aktivier\\w*)\\b"
          + "|\\b(enable|requires|aktivieren sie)\\b.{0,20}javascript",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int MAX_NOTICE_CHARS = 120;

  static boolean isReaderNotice(String text) {
    return text.length() <= MAX_NOTICE_CHARS && READER_NOTICE.matcher(text).find();
  }

  /** A line that is only one of these words labels an ad slot ("Advertisement", "Anzeige"). */
  private static final Set<String> AD_LABELS = Set.of(
      "advertisement", "advertisements", "advert", "adverts", "ad", "ads", "sponsored",
      "anzeige", "werbung", "publicité", "publicite", "publicidad", "pubblicità", "reklame", "annons");

  /**
   * A prompt is a short line: longer text that mentions a newsletter is about one. Up to
   * {@link #MAX_LINKED_PROMPT_CHARS} a line still is a prompt when it holds a link (its "Sign up
   * here"); without one, a sentence of that length that says "sign up" is prose.
   */
  private static final int MAX_PROMPT_CHARS = 150;
  private static final int MAX_LINKED_PROMPT_CHARS = 250;

  /**
   * Words of newsletter and subscription prompts in the languages of the web's largest shares
   * ("Subscribe to our newsletter", "Newsletter abonnieren", "Suscríbete"). "subscribing" and
   * "oversubscription" (share offerings) are not among them.
   */
  private static final Pattern SUBSCRIPTION_WORDS = Pattern.compile(
      "\\b(subscribe|subscription|sign up|newsletters?|abonnieren|abonniere|abonnez|"
          + "s'abonner|iscriviti|suscr[ií]b\\w*|subskrypcj\\w*|assine)\\b|newsletter",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** A short line asking the reader to subscribe or sign up: page furniture that sits in the text. */
  static boolean isSubscriptionPrompt(TextBlock b) {
    int limit = b.linkChars() > 0 ? MAX_LINKED_PROMPT_CHARS : MAX_PROMPT_CHARS;
    return b.chars() <= limit && SUBSCRIPTION_WORDS.matcher(b.text()).find();
  }

  /** Longest line taken as a share prompt or share-count label. */
  private static final int MAX_SHARE_PROMPT_CHARS = 60;

  private static final Pattern SHARE_WORDS = Pattern.compile(
      "\\b(share|shares|sharing|teilen|partager|compartir|condividi|compartilhe|udostępnij)\\b|\\dshares\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * "Sharing is caring!", "Möchten Sie den Artikel teilen?", "Share:", "858 shares": a short line
   * with a share word that is a call or a label (ends in ! ? : or is one or two words), not a
   * headline ("Council to share update on services").
   */
  static boolean isSharePrompt(String text) {
    if (text.length() > MAX_SHARE_PROMPT_CHARS || !SHARE_WORDS.matcher(text).find()) return false;
    char last = text.charAt(text.length() - 1);
    return last == '!' || last == '?' || last == ':' || text.split("\\s+").length <= 2;
  }

  /** Longest line taken as a picture credit or figure caption. */
  private static final int MAX_CREDIT_CHARS = 200;

  /**
   * "Foto: dpa", "Bild: Werk/…", "Abbildung 4: …", "Figure 2: …", "Quelle: Landesregierung": a
   * line opened by a picture, figure or source label and a colon is a caption or credit, as
   * trafilatura's annotators and the article benchmark's both treat them.
   */
  private static final Pattern CREDIT_LABEL = Pattern.compile(
      "^(foto|fotos|bild|bilder|photo|photos|image|images|credit|credits|abbildung|abb\\.|fig\\.|figure|"
          + "grafik|quelle|source|fuente|źródło|zdjęcie|zdjęcia)\\s*\\d*\\s*:",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  static boolean isCreditLine(String text) {
    return text.length() <= MAX_CREDIT_CHARS && CREDIT_LABEL.matcher(text).find();
  }

  /**
   * Openings of the labels over related-content boxes ("Related stories", "Lesen Sie auch", "Mehr
   * zum Thema", "À lire aussi", "Czytaj też"), in the languages of the web's largest shares.
   */
  private static final Pattern MORE_TO_READ = Pattern.compile(
      "^(related|read (also|more)|also read|see also|more (on|from|about) |you (may|might) also|"
          + "lesen sie auch|lies auch|siehe auch|mehr zum thema|mehr themen|weitere (artikel|informationen|infos|"
          + "beiträge|themen|nachrichten|meldungen)|auch interessant|das könnte (sie|dich)|verwandte|"
          + "zum weiterlesen|empfohlene|meistgelesen|meistdiskutiert|schon gelesen|leia também|lea también|"
          + "te puede interesar|voir aussi|à lire aussi|lire aussi|czytaj (też|także)|zobacz (też|także)|leggi anche)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int MAX_MORE_TO_READ_CHARS = 50;

  /** A short label line (not a sentence) announcing related content: what follows is not the text. */
  static boolean isMoreToReadLabel(String text) {
    return text.length() <= MAX_MORE_TO_READ_CHARS && !text.endsWith(".") && MORE_TO_READ.matcher(text).find();
  }

  /**
   * Blog and CMS metadata lines: "Filed under", "Category: News", "Tags: …", "This entry was
   * posted in …", "Keine Kommentare", "2 Kommentare", "Aufrufe: 1120", a table-of-contents title.
   */
  private static final Pattern POST_META = Pattern.compile(
      "^(posted in|filed under|categor(y|ies)\\s*:|kategorien?\\s*:|tags?\\s*:|schlagw(ö|o)rter\\s*:|"
          + "schlagworte\\s*:|this entry was posted|keine kommentare|no comments|\\d+ (comments?|kommentare)\\b|"
          + "aufrufe\\s*:|views\\s*:|kommentare insgesamt|inhaltsverzeichnis$|table of contents$)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int MAX_POST_META_CHARS = 120;

  static boolean isPostMetaLine(String text) {
    return text.length() <= MAX_POST_META_CHARS && POST_META.matcher(text).find();
  }

  /**
   * An ad word opening a short line and cut off by punctuation: an ad disclosure or slot label
   * with a tail ("Anzeige, enthält Affiliate Links", "Advertisement - Continue reading below").
   */
  private static final Pattern AD_DISCLOSURE = Pattern.compile(
      "^(anzeige|werbung|advertisement|sponsored|gesponsert|publicidad|publicité|pubblicità|reklama)\\s*[,:|–-]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int MAX_AD_DISCLOSURE_CHARS = 60;

  static boolean isAdLabel(String text) {
    if (text.length() <= MAX_AD_DISCLOSURE_CHARS && AD_DISCLOSURE.matcher(text).find()) return true;
    if (text.length() > 20) return false;
    String t = text.strip().toLowerCase(Locale.ROOT);
    int end = t.length();
    while (end > 0 && !Character.isLetter(t.charAt(end - 1))) end--; // "Advertisement:" / "- Anzeige -"
    int start = 0;
    while (start < end && !Character.isLetter(t.charAt(start))) start++;
    return AD_LABELS.contains(t.substring(start, end));
  }
}
