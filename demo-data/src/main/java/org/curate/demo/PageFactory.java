package org.curate.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes the HTML pages of each category: picks a site, charset, charset declaration, layout and
 * text, and renders the page. All choices come from the one seeded {@link Random}.
 */
public final class PageFactory {
    public static final String UNKNOWN_CHARSET_LABEL = "x-unknown-42";
    private static final String[] SECTIONS = {"news", "sports", "culture", "business", "science", "travel", "opinion"};

    private final Random random;
    private final Map<Language, TextComposer> composers = new EnumMap<>(Language.class);
    private final Map<Language, PageTemplate> templates = new EnumMap<>(Language.class);
    private final Map<Language, List<Site>> sites = new EnumMap<>(Language.class);
    private final PiiText pii;
    private final ProfaneText profanity;
    private final AdultText adult;
    private final LowQualityText lowQuality;
    private int pathCounter = 1000;

    public PageFactory(Random random) {
        this.random = random;
        for (Language language : Language.values()) {
            TextComposer composer = new TextComposer(Vocabulary.of(language), random);
            composers.put(language, composer);
            templates.put(language, new PageTemplate(composer, random));
            List<Site> list = new ArrayList<>();
            composer.vocabulary().list("sites").forEach(id -> list.add(Site.of(id, language)));
            sites.put(language, List.copyOf(list));
        }
        this.pii = new PiiText(random);
        this.profanity = new ProfaneText(random);
        this.adult = new AdultText(random);
        this.lowQuality = new LowQualityText(random);
    }

    public Site site(Language language) {
        List<Site> list = sites.get(language);
        return list.get(random.nextInt(list.size()));
    }

    public HtmlPage normal(Language language) {
        return render(site(language), composers.get(language).title(), composers.get(language).article(), PageCategory.NORMAL);
    }

    public HtmlPage pii(Language language) {
        TextComposer composer = composers.get(language);
        List<String> paragraphs = new ArrayList<>(composer.article());
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            paragraphs.add(random.nextInt(paragraphs.size() + 1), pii.paragraph(language));
        }
        return render(site(language), composer.title(), paragraphs, PageCategory.PII);
    }

    public HtmlPage profane() {
        TextComposer composer = composers.get(Language.ENGLISH);
        List<String> paragraphs = new ArrayList<>(composer.article());
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(paragraphs.size());
            paragraphs.set(at, paragraphs.get(at) + " " + profanity.sentence());
        }
        return render(site(Language.ENGLISH), composer.title(), paragraphs, PageCategory.PROFANE);
    }

    public HtmlPage adult() {
        String host = adult.host();
        Site site = new Site(host, host.replace("www.", ""), Language.ENGLISH);
        List<String> paragraphs = new ArrayList<>();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            paragraphs.add(adult.paragraph());
        }
        return render(site, adult.title(), paragraphs, PageCategory.ADULT);
    }

    public HtmlPage lowQuality(LowQualityText.Kind kind) {
        boolean englishOnly = kind == LowQualityText.Kind.KEYWORD_LIST || kind == LowQualityText.Kind.MOSTLY_SYMBOLS;
        Language language = englishOnly ? Language.ENGLISH : Language.values()[random.nextInt(Language.values().length)];
        Article article = lowQuality.article(kind, composers.get(language));
        return render(site(language), article.title(), article.paragraphs(), PageCategory.LOW_QUALITY);
    }

    public HtmlPage contaminated(BenchmarkQa.Item item, int variant) {
        TextComposer composer = composers.get(Language.ENGLISH);
        List<String> paragraphs = new ArrayList<>(composer.article());
        paragraphs.add(1 + random.nextInt(paragraphs.size()), BenchmarkQa.quotedIn(item, variant));
        return render(site(Language.ENGLISH), composer.title(), paragraphs, PageCategory.CONTAMINATED);
    }

    /** The same bytes at another URL of the same site, as tracking parameters and print views produce. */
    public HtmlPage exactDuplicate(HtmlPage original) {
        String path = switch (random.nextInt(3)) {
            case 0 -> original.path() + (original.path().contains("?") ? "&" : "?") + "utm_source=newsletter&utm_medium=email";
            case 1 -> "/amp" + original.path();
            default -> "/print" + original.path();
        };
        return original.at(path).withCategory(PageCategory.EXACT_DUPLICATE).withTransfer(Transfer.PLAIN);
    }

    /** The same article with a few words swapped, republished at a new URL with fresh boilerplate. */
    public HtmlPage nearDuplicate(HtmlPage original) {
        TextComposer composer = composers.get(original.language());
        List<String> paragraphs = new ArrayList<>(original.article().paragraphs());
        int changes = 3 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(paragraphs.size());
            paragraphs.set(at, swapOneEntry(paragraphs.get(at), composer));
        }
        Options options = options(original.language(), false);
        return page(original.site(), original.article().title(), paragraphs, PageCategory.NEAR_DUPLICATE, options);
    }

    /** A Russian page in windows-1251 whose HTTP header names a charset that does not exist. */
    public HtmlPage unknownCharsetLabel(boolean metaAlsoDeclares) {
        TextComposer composer = composers.get(Language.RUSSIAN);
        Site site = site(Language.RUSSIAN);
        CharsetDeclaration declaration = metaAlsoDeclares ? CharsetDeclaration.HEADER_AND_META : CharsetDeclaration.HTTP_HEADER_ONLY;
        Article article = new Article(composer.title(), composer.article());
        String html = templates.get(Language.RUSSIAN).render(site, article,
                new PageTemplate.Options(randomLayout(), "windows-1251", declaration, random.nextBoolean(), date()));
        return new HtmlPage(site, newPath(article.title(), Language.RUSSIAN), article, html, "windows-1251",
                UNKNOWN_CHARSET_LABEL, declaration, PageCategory.NORMAL, Transfer.PLAIN);
    }

    public String newPath(String title, Language language) {
        pathCounter += 1 + random.nextInt(37);
        String section = SECTIONS[random.nextInt(SECTIONS.length)];
        if (language.spaceless() || language == Language.RUSSIAN) {
            return random.nextBoolean() ? "/" + section + "/article/" + pathCounter + ".html" : "/article.php?id=" + pathCounter;
        }
        return "/" + section + "/2026/" + slug(title) + "-" + pathCounter + (random.nextBoolean() ? ".html" : "");
    }

    private record Options(PageTemplate.Options template, String charset, String label) {
    }

    private HtmlPage render(Site site, String title, List<String> paragraphs, PageCategory category) {
        return page(site, title, paragraphs, category, options(site.language(), true));
    }

    private HtmlPage page(Site site, String title, List<String> paragraphs, PageCategory category, Options options) {
        Article article = new Article(title, paragraphs);
        String html = templates.get(site.language()).render(site, article, options.template());
        return new HtmlPage(site, newPath(title, site.language()), article, html, options.charset(), options.label(),
                options.template().declaration(), category, Transfer.PLAIN);
    }

    /** Legacy charsets on 60% of pages of languages that have one; the label's case varies as on the web. */
    private Options options(Language language, boolean mayComment) {
        List<String> charsets = language.charsets();
        String charset = charsets.size() == 1 || random.nextInt(100) < 60
                ? charsets.get(0)
                : charsets.get(1 + random.nextInt(charsets.size() - 1));
        String label = random.nextBoolean() ? charset : charset.toLowerCase(Locale.ROOT);
        CharsetDeclaration declaration = CharsetDeclaration.values()[random.nextInt(CharsetDeclaration.values().length)];
        boolean comments = mayComment && random.nextInt(10) < 3;
        return new Options(new PageTemplate.Options(randomLayout(), label, declaration, comments, date()), charset, label);
    }

    private Layout randomLayout() {
        // Tables are rare on today's web: one page in ten.
        int r = random.nextInt(10);
        return r == 0 ? Layout.TABLE : Layout.values()[r % 4];
    }

    private String date() {
        return String.format("2026-%02d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(28));
    }

    private String swapOneEntry(String paragraph, TextComposer composer) {
        for (String section : new String[] {"objects", "subjects", "places"}) {
            List<String> present = new ArrayList<>();
            for (String entry : composer.vocabulary().list(section)) {
                if (paragraph.contains(entry)) {
                    present.add(entry);
                }
            }
            if (!present.isEmpty()) {
                String old = present.get(random.nextInt(present.size()));
                String replacement = composer.pick(section);
                while (replacement.equals(old)) {
                    replacement = composer.pick(section);
                }
                return paragraph.replaceFirst(java.util.regex.Pattern.quote(old),
                        java.util.regex.Matcher.quoteReplacement(replacement));
            }
        }
        return paragraph;
    }

    private static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }
}
