package org.curate.filters.pii;

/**
 * Which IP addresses can point at someone: everything except the IANA special-purpose blocks
 * (private, loopback, link-local, shared CGN space, documentation, benchmarking, multicast,
 * reserved) and a few famous public resolvers that are infrastructure, not personal data
 * (BigCode's StarCoder pipeline leaves them too). For IPv6, unallocated space outside
 * {@code 2000::/3} counts as public, as CPython's {@code is_global} does: nothing we exclude
 * routes there, so redacting such a value costs nothing.
 */
final class PublicAddressRanges {
  /** {network, prefix length} pairs for IPv4, network as an unsigned int in a long. */
  private static final long[][] V4_SPECIAL = {
      {v4(0, 0, 0, 0), 8}, {v4(10, 0, 0, 0), 8}, {v4(100, 64, 0, 0), 10}, {v4(127, 0, 0, 0), 8},
      {v4(169, 254, 0, 0), 16}, {v4(172, 16, 0, 0), 12}, {v4(192, 0, 0, 0), 24}, {v4(192, 0, 2, 0), 24},
      {v4(192, 88, 99, 0), 24}, {v4(192, 168, 0, 0), 16}, {v4(198, 18, 0, 0), 15}, {v4(198, 51, 100, 0), 24},
      {v4(203, 0, 113, 0), 24}, {v4(224, 0, 0, 0), 4}, {v4(240, 0, 0, 0), 4}};
  private static final long[] V4_RESOLVERS = {
      v4(8, 8, 8, 8), v4(8, 8, 4, 4), v4(1, 1, 1, 1), v4(1, 0, 0, 1), v4(9, 9, 9, 9), v4(149, 112, 112, 112),
      v4(208, 67, 222, 222), v4(208, 67, 220, 220)};

  private PublicAddressRanges() {}

  static long v4(int a, int b, int c, int d) {
    return ((long) a << 24) | (b << 16) | (c << 8) | d;
  }

  static boolean isPublicV4(long address) {
    for (long[] block : V4_SPECIAL) {
      long mask = (0xFFFFFFFFL << (32 - block[1])) & 0xFFFFFFFFL;
      if ((address & mask) == block[0]) {
        return false;
      }
    }
    for (long resolver : V4_RESOLVERS) {
      if (address == resolver) {
        return false;
      }
    }
    return true;
  }

  /** {@code groups} are the eight 16-bit groups of an IPv6 address. */
  static boolean isPublicV6(int[] groups) {
    boolean zeroPrefix = true; // ::/96 covers ::, ::1 and the deprecated IPv4-compatible form
    for (int i = 0; i < 6; i++) {
      zeroPrefix &= groups[i] == 0;
    }
    if (zeroPrefix) {
      return false;
    }
    if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
        && groups[5] == 0xFFFF) {
      return isPublicV4(((long) groups[6] << 16) | groups[7]); // IPv4-mapped
    }
    int g0 = groups[0];
    if (g0 == 0x0064 && groups[1] == 0xFF9B) {
      return false; // 64:ff9b::/32 NAT64 (well-known and local-use)
    }
    if (g0 == 0x0100 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0) {
      return false; // 100::/64 discard
    }
    if (g0 == 0x2001 && groups[1] < 0x0200) {
      return false; // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID)
    }
    if (g0 == 0x2001 && groups[1] == 0x0DB8) {
      return false; // 2001:db8::/32 documentation
    }
    if (g0 == 0x3FFF && groups[1] < 0x1000) {
      return false; // 3fff::/20 documentation (RFC 9637)
    }
    return (g0 & 0xFE00) != 0xFC00 // fc00::/7 unique local
        && (g0 & 0xFFC0) != 0xFE80 // fe80::/10 link-local
        && (g0 & 0xFFC0) != 0xFEC0 // fec0::/10 deprecated site-local
        && (g0 & 0xFF00) != 0xFF00; // ff00::/8 multicast
  }
}
