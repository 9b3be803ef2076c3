package org.curate.demo;

/** How a page body travels: as is, gzip content-coded, or in chunked transfer coding. */
public enum Transfer {
    PLAIN, GZIP, CHUNKED
}
