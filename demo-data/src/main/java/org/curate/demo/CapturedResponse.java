package org.curate.demo;

import java.time.Instant;

/** What later records need to point back at a response: revisits and metadata refer to it. */
public record CapturedResponse(String uri, String recordId, Instant date, String payloadDigest, byte[] httpHead,
                               long offset) {
}
