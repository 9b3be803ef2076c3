package org.curate.demo;

/** Where a page declares its charset; real pages do all of these, and decoders must cope. */
public enum CharsetDeclaration {
    HTTP_HEADER_ONLY("http-header"),
    META_CHARSET("meta-charset"),
    META_HTTP_EQUIV("meta-http-equiv"),
    HEADER_AND_META("http-header+meta"),
    NONE("none");

    private final String label;

    CharsetDeclaration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean inHttpHeader() {
        return this == HTTP_HEADER_ONLY || this == HEADER_AND_META;
    }
}
