package org.curate.filters.pii;

/**
 * Strict parser for IPv6 text (RFC 4291 section 2.2 forms: eight groups, one "::" for a run of
 * zero groups, an optional dotted-quad tail). Hand-written because {@code InetAddress.getByName}
 * may fall back to a DNS lookup on input it does not parse as a literal.
 */
final class Ipv6Literal {
  private Ipv6Literal() {}

  /**
   * The eight groups of {@code s}, or {@code null} if it is not an IPv6 address or has fewer than
   * {@code minWrittenGroups} groups written out (a dotted-quad tail counts as two).
   */
  static int[] parse(String s, int minWrittenGroups) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? s.substring(0, gap) : s;
    String tail = gap >= 0 ? s.substring(gap + 2) : "";
    int[] headGroups = groups(head, gap < 0);
    int[] tailGroups = groups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int written = headGroups.length + tailGroups.length;
    if (written < minWrittenGroups || (gap < 0 ? written != 8 : written > 7)) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    return all;
  }

  /** Colon-separated hex groups; the last one may be a dotted quad when {@code quadAllowed}. */
  private static int[] groups(String part, boolean quadAllowed) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] fields = part.split(":", -1);
    boolean quad = quadAllowed && fields[fields.length - 1].indexOf('.') >= 0;
    int[] out = new int[fields.length + (quad ? 1 : 0)];
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      if (quad && i == fields.length - 1) {
        long v4 = dottedQuad(f);
        if (v4 < 0) {
          return null;
        }
        out[i] = (int) (v4 >>> 16);
        out[i + 1] = (int) (v4 & 0xFFFF);
      } else {
        if (f.isEmpty() || f.length() > 4) {
          return null;
        }
        try {
          out[i] = Integer.parseInt(f, 16);
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return out;
  }

  private static long dottedQuad(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return -1;
    }
    long v = 0;
    for (String o : octets) {
      if (o.isEmpty() || o.length() > 3) {
        return -1;
      }
      int n = Integer.parseInt(o);
      if (n > 255) {
        return -1;
      }
      v = (v << 8) | n;
    }
    return v;
  }
}
