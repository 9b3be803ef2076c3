package org.curate.demo;

import java.util.List;
import java.util.Random;

/**
 * Puts realistic boilerplate around an article: cookie banner, header, a navigation menu with
 * many links, sidebar with related links and an ad, optional comments, and a footer. The
 * boilerplate is what main-text extraction has to strip, so there is plenty of it.
 */
public final class PageTemplate {
    private static final String[] SECTIONS = {"news", "sports", "culture", "business", "science", "travel", "opinion"};

    private final TextComposer composer;
    private final Random random;

    public PageTemplate(TextComposer composer, Random random) {
        this.composer = composer;
        this.random = random;
    }

    /** The page options that vary independently of the text. */
    public record Options(Layout layout, String charset, CharsetDeclaration declaration, boolean comments, String date) {
    }

    public String render(Site site, Article article, Options options) {
        Vocabulary v = composer.vocabulary();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(site.language().code()).append("\">\n<head>\n");
        switch (options.declaration()) {
            case META_CHARSET, HEADER_AND_META -> h.append("<meta charset=\"").append(options.charset()).append("\">\n");
            case META_HTTP_EQUIV -> h.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                    .append(options.charset()).append("\">\n");
            default -> { }
        }
        h.append("<title>").append(escape(article.title())).append(" | ").append(site.name()).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
                .append("<script src=\"/static/app.js\" defer></script>\n</head>\n<body>\n");
        cookieBanner(h, v);
        header(h, site, v);
        navigation(h, v);
        mainText(h, article, options, v);
        sidebar(h, v);
        if (options.comments()) {
            comments(h, v);
        }
        footer(h, site, v);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void cookieBanner(StringBuilder h, Vocabulary v) {
        h.append("<div id=\"cookie-banner\" class=\"cookie-consent\" role=\"dialog\">\n<p>").append(escape(v.ui("cookie")))
                .append("</p>\n<button class=\"accept\">").append(escape(v.ui("accept")))
                .append("</button> <button class=\"reject\">").append(escape(v.ui("reject")))
                .append("</button> <a href=\"/cookies\">").append(escape(v.ui("settings"))).append("</a>\n</div>\n");
    }

    private void header(StringBuilder h, Site site, Vocabulary v) {
        h.append("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">").append(site.name()).append("</a>\n")
                .append("<form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"")
                .append(escape(v.ui("search"))).append("\"></form>\n<a class=\"login\" href=\"/account/login\">")
                .append(escape(v.ui("login"))).append("</a>\n</header>\n");
    }

    private void navigation(StringBuilder h, Vocabulary v) {
        h.append("<nav class=\"main-nav\">\n<ul>\n<li><a href=\"/\">").append(escape(v.ui("home"))).append("</a></li>\n");
        for (String section : SECTIONS) {
            h.append("<li class=\"menu-item\"><a href=\"/").append(section).append("/\">").append(escape(v.ui(section)))
                    .append("</a>\n<ul class=\"submenu\">\n");
            int subLinks = 2 + random.nextInt(3);
            for (int i = 0; i < subLinks; i++) {
                h.append("<li><a href=\"/").append(section).append("/topic-").append(100 + random.nextInt(900))
                        .append("\">").append(escape(composer.pick("objects"))).append("</a></li>\n");
            }
            h.append("</ul></li>\n");
        }
        h.append("</ul>\n</nav>\n");
    }

    private void mainText(StringBuilder h, Article article, Options options, Vocabulary v) {
        String title = escape(article.title());
        String byline = escape(v.ui("by")) + " " + escape(composer.pick("names")) + " &middot; " + options.date();
        List<String> paragraphs = article.paragraphs();
        switch (options.layout()) {
            case ARTICLE -> {
                h.append("<article class=\"post\">\n<h1>").append(title).append("</h1>\n<p class=\"byline\">")
                        .append(byline).append("</p>\n");
                paragraphs.forEach(p -> h.append("<p>").append(escape(p)).append("</p>\n"));
                h.append("</article>\n");
            }
            case MAIN -> {
                h.append("<main>\n<h1>").append(title).append("</h1>\n<div class=\"meta\">").append(byline)
                        .append("</div>\n<section class=\"body\">\n");
                paragraphs.forEach(p -> h.append("<p>").append(escape(p)).append("</p>\n"));
                h.append("</section>\n</main>\n");
            }
            case DIV_CONTENT -> {
                h.append("<div class=\"content\">\n<h2 class=\"headline\">").append(title)
                        .append("</h2>\n<span class=\"author\">").append(byline).append("</span>\n<div class=\"text\">\n");
                paragraphs.forEach(p -> h.append("<p>").append(escape(p)).append("</p>\n"));
                h.append("</div>\n</div>\n");
            }
            case BARE_DIVS -> {
                h.append("<div>\n<div><b>").append(title).append("</b></div>\n<div>").append(byline).append("</div>\n");
                paragraphs.forEach(p -> h.append("<div>").append(escape(p)).append("<br><br></div>\n"));
                h.append("</div>\n");
            }
            case TABLE -> {
                h.append("<table class=\"layout\" width=\"100%\">\n<tr><td class=\"left\" valign=\"top\">\n<h1>").append(title)
                        .append("</h1>\n<font size=\"2\">").append(byline).append("</font>\n");
                paragraphs.forEach(p -> h.append("<p>").append(escape(p)).append("</p>\n"));
                dataTable(h);
                h.append("</td></tr>\n</table>\n");
            }
            default -> throw new IllegalStateException(options.layout().toString());
        }
    }

    /** A small data table inside the text, as on pages listing timetables or prices. */
    private void dataTable(StringBuilder h) {
        h.append("<table class=\"data\" border=\"1\">\n");
        int rows = 3 + random.nextInt(4);
        for (int r = 0; r < rows; r++) {
            h.append("<tr><td>").append(escape(composer.pick("objects"))).append("</td><td>")
                    .append(8 + random.nextInt(12)).append(":").append(random.nextBoolean() ? "00" : "30")
                    .append("</td><td>").append(5 + random.nextInt(95)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void sidebar(StringBuilder h, Vocabulary v) {
        h.append("<aside class=\"sidebar\">\n<h3>").append(escape(v.ui("related"))).append("</h3>\n<ul class=\"related\">\n");
        int links = 5 + random.nextInt(6);
        for (int i = 0; i < links; i++) {
            String section = SECTIONS[random.nextInt(SECTIONS.length)];
            h.append("<li><a href=\"/").append(section).append("/2026/").append(10_000 + random.nextInt(90_000))
                    .append(".html\">").append(escape(composer.title())).append("</a></li>\n");
        }
        h.append("</ul>\n<div class=\"ad-slot\"><span class=\"ad-label\">").append(escape(v.ui("ad")))
                .append("</span> <a rel=\"sponsored\" href=\"https://ads.adnetwork.example/click?c=")
                .append(random.nextInt(1_000_000)).append("\">").append(escape(v.ui("adtext"))).append("</a></div>\n")
                .append("<p><a href=\"/newsletter\">").append(escape(v.ui("subscribe"))).append("</a></p>\n</aside>\n");
    }

    private void comments(StringBuilder h, Vocabulary v) {
        h.append("<section class=\"comments\">\n<h3>").append(escape(v.ui("comments"))).append("</h3>\n");
        int n = 2 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            h.append("<div class=\"comment\"><b class=\"author\">").append(escape(composer.pick("names")))
                    .append("</b>\n<p>").append(escape(composer.sentence())).append("</p>\n<a href=\"#reply\">")
                    .append(escape(v.ui("reply"))).append("</a></div>\n");
        }
        h.append("</section>\n");
    }

    private void footer(StringBuilder h, Site site, Vocabulary v) {
        h.append("<footer class=\"site-footer\">\n<ul>\n");
        for (String key : new String[] {"about", "contact", "privacy", "terms"}) {
            h.append("<li><a href=\"/").append(key).append("\">").append(escape(v.ui(key))).append("</a></li>\n");
        }
        h.append("</ul>\n<p>&copy; 2026 ").append(site.name()).append(". ").append(escape(v.ui("rights")))
                .append("</p>\n</footer>\n");
    }

    /** A minimal page for error responses (404, 301) that carry a short HTML body. */
    public static String errorPage(String charset, String title, String text) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"" + charset + "\">\n<title>" + escape(title)
                + "</title>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n</body>\n</html>\n";
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
