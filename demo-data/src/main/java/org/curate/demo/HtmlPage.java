package org.curate.demo;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * A planned HTML page: where it lives, its markup and how it is served. {@code charset} is the
 * encoding of the bytes; {@code declaredLabel} is what the page or server claims, which for the
 * unknown-label case is deliberately not a charset at all.
 */
public record HtmlPage(Site site, String path, Article article, String html, String charset, String declaredLabel,
                       CharsetDeclaration declaration, PageCategory category, Transfer transfer) {

    public String url() {
        return site.url(path);
    }

    public Language language() {
        return site.language();
    }

    /** The HTML in its charset; fails loudly if the vocabulary has a character the charset lacks. */
    public byte[] bytes() {
        try {
            ByteBuffer buffer = Charset.forName(charset).newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(html));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(url() + " cannot be encoded in " + charset, e);
        }
    }

    public String contentType() {
        return declaration.inHttpHeader() ? "text/html; charset=" + declaredLabel : "text/html";
    }

    public HtmlPage withTransfer(Transfer newTransfer) {
        return new HtmlPage(site, path, article, html, charset, declaredLabel, declaration, category, newTransfer);
    }

    public HtmlPage withCategory(PageCategory newCategory) {
        return new HtmlPage(site, path, article, html, charset, declaredLabel, declaration, newCategory, transfer);
    }

    public HtmlPage at(String newPath) {
        return new HtmlPage(site, newPath, article, html, charset, declaredLabel, declaration, category, transfer);
    }
}
