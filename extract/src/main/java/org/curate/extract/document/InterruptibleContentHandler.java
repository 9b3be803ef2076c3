package org.curate.extract.document;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stops a parse at its next SAX event once the parsing thread is interrupted (the deadline has
 * passed). Parsers ignore interrupts themselves; every parser emits events as it goes, so this is
 * how a timed-out parse ends on JVMs where a thread can no longer be stopped.
 */
final class InterruptibleContentHandler extends ContentHandlerDecorator {
  InterruptibleContentHandler(ContentHandler handler) {
    super(handler);
  }

  private static void checkInterrupted() throws SAXException {
    if (Thread.currentThread().isInterrupted()) {
      throw new SAXException("document parse interrupted (deadline passed)");
    }
  }

  @Override
  public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts) throws SAXException {
    checkInterrupted();
    super.startElement(uri, localName, name, atts);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    checkInterrupted();
    super.characters(ch, start, length);
  }
}
