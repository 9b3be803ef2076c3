package org.curate.demo;

import java.util.List;
import java.util.Random;

/**
 * Adult-site wording and host names for URL and content filters; words only, nothing explicit
 * is described.
 */
public final class AdultText {
    private static final List<String> HOSTS = List.of(
            "www.hot-xxx-videos.example", "free-porn-tube.example", "www.sexy-cams-18.example",
            "adult-dating-xxx.example", "www.nude-models-online.example");
    private static final List<String> TITLES = List.of(
            "Hot XXX videos - adults only", "Free porn clips updated daily", "Sexy live cams 18+",
            "Adult dating for singles tonight", "Nude models and erotic galleries");
    private static final List<String> SENTENCES = List.of(
            "This website contains adult content and is only for visitors aged 18 or older.",
            "Watch free xxx porn videos and hot sex clips in HD, updated every day.",
            "Meet horny singles near you for adult dating and erotic chat tonight.",
            "Thousands of nude models, sexy webcam girls and explicit adult galleries.",
            "Join now for unlimited access to our xxx movies and naughty live cams.",
            "Warning: explicit sexual content. Leave now if you are under 18.",
            "Best porn tube with hardcore xxx categories, milf videos and amateur sex.");

    private final Random random;

    public AdultText(Random random) {
        this.random = random;
    }

    /** The adult hosts the sample uses, so the demo's URL blocklist can name them. */
    public static List<String> hosts() {
        return HOSTS;
    }

    public String host() {
        return HOSTS.get(random.nextInt(HOSTS.size()));
    }

    public String title() {
        return TITLES.get(random.nextInt(TITLES.size()));
    }

    public String paragraph() {
        StringBuilder p = new StringBuilder();
        int n = 3 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            p.append(i == 0 ? "" : " ").append(SENTENCES.get(random.nextInt(SENTENCES.size())));
        }
        return p.toString();
    }
}
