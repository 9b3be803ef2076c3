package org.curate.demo;

/** The markup around a page's main text; extractors must find the text in all of them. */
public enum Layout {
    ARTICLE, MAIN, DIV_CONTENT, BARE_DIVS, TABLE
}
