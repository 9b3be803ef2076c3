package org.curate.demo;

import java.util.List;
import java.util.Random;

/** Everyday English swearing dropped into otherwise ordinary text, for profanity filters. */
public final class ProfaneText {
    private static final List<String> SENTENCES = List.of(
            "Honestly, this damn bus is late again and I am sick of this shit.",
            "What the fuck were they thinking when they closed the only bridge?",
            "The new parking rules are total bullshit, says one angry resident.",
            "Some asshole keeps leaving rubbish next to the playground.",
            "My neighbour called the council a bunch of lazy bastards.",
            "Well, crap, the festival got cancelled again.",
            "Who the hell approved this ugly fucking building?");

    private final Random random;

    public ProfaneText(Random random) {
        this.random = random;
    }

    public String sentence() {
        return SENTENCES.get(random.nextInt(SENTENCES.size()));
    }
}
