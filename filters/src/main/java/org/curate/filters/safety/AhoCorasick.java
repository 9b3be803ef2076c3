package org.curate.filters.safety;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over UTF-16 chars: finds every occurrence of every pattern in one pass
 * over the text, whatever the number of patterns. Immutable and thread-safe once built.
 *
 * <p>The trie is built with hash maps and then frozen into flat arrays (per state a sorted run of
 * edge chars, searched by binary search), which keeps a few thousand patterns in well under a
 * megabyte and avoids boxing in the matching loop. When small enough ({@link #MAX_TABLE_CELLS}),
 * the automaton is also compiled into a transition table (state × char class, fail links
 * resolved), so the scan is one array load per char instead of binary searches along the fail
 * chain; chars that occur in no pattern share one class. Both paths find the same matches.
 */
public final class AhoCorasick {
  /** Receives matches; return {@code false} to stop the scan early. */
  @FunctionalInterface
  public interface MatchSink {
    boolean onMatch(int start, int end, int pattern);
  }

  private final List<String> patterns;
  private final int[] edgeStart; // state -> first index into edgeChars/edgeTargets; length states+1
  private final char[] edgeChars;
  private final int[] edgeTargets;
  private final int[] fail;
  private final int[] output; // pattern ending exactly at this state, or -1
  private final int[] outputLink; // nearest state on the fail chain with an output, or -1
  /** Table cells (states × char classes) up to which the transition table is built: 4 MB. */
  static final int MAX_TABLE_CELLS = 1 << 20;
  private final char[] classOf; // char -> class (0: in no pattern), for chars up to the largest pattern char
  private final int classes;
  private final int[] table; // state * classes + class -> next state; null when too large

  /** Builds the automaton; duplicate and empty patterns are ignored. */
  public AhoCorasick(Iterable<String> patterns) {
    this(patterns, MAX_TABLE_CELLS);
  }

  /** As {@link #AhoCorasick(Iterable)}, with the transition table only up to {@code maxTableCells} cells. */
  AhoCorasick(Iterable<String> patterns, int maxTableCells) {
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String p : patterns) {
      if (!p.isEmpty()) {
        unique.add(p);
      }
    }
    this.patterns = List.copyOf(unique);

    List<Map<Character, Integer>> children = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    children.add(new HashMap<>());
    ends.add(-1);
    for (int id = 0; id < this.patterns.size(); id++) {
      String p = this.patterns.get(id);
      int state = 0;
      for (int i = 0; i < p.length(); i++) {
        Integer next = children.get(state).get(p.charAt(i));
        if (next == null) {
          next = children.size();
          children.add(new HashMap<>());
          ends.add(-1);
          children.get(state).put(p.charAt(i), next);
        }
        state = next;
      }
      ends.set(state, id);
    }

    int states = children.size();
    edgeStart = new int[states + 1];
    int edges = 0;
    for (int s = 0; s < states; s++) {
      edgeStart[s] = edges;
      edges += children.get(s).size();
    }
    edgeStart[states] = edges;
    edgeChars = new char[edges];
    edgeTargets = new int[edges];
    for (int s = 0; s < states; s++) {
      Character[] keys = children.get(s).keySet().toArray(new Character[0]);
      Arrays.sort(keys);
      for (int k = 0; k < keys.length; k++) {
        edgeChars[edgeStart[s] + k] = keys[k];
        edgeTargets[edgeStart[s] + k] = children.get(s).get(keys[k]);
      }
    }
    output = ends.stream().mapToInt(Integer::intValue).toArray();
    fail = new int[states];
    outputLink = new int[states];
    outputLink[0] = -1;

    // Breadth-first, so a state's fail target (a shorter suffix) is final before it is used.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
      fail[edgeTargets[e]] = 0;
      outputLink[edgeTargets[e]] = -1;
      queue.add(edgeTargets[e]);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int child = edgeTargets[e];
        char c = edgeChars[e];
        int f = fail[s];
        int target;
        while ((target = step(f, c)) < 0 && f != 0) {
          f = fail[f];
        }
        fail[child] = target < 0 ? 0 : target;
        int via = fail[child];
        outputLink[child] = output[via] >= 0 ? via : outputLink[via];
        queue.add(child);
      }
    }

    char maxChar = 0;
    for (char c : edgeChars) {
      maxChar = (char) Math.max(maxChar, c);
    }
    char[] classMap = new char[maxChar + 1];
    int nClasses = 1;
    for (char c : edgeChars) {
      if (classMap[c] == 0) {
        classMap[c] = (char) nClasses++;
      }
    }
    if ((long) states * nClasses <= maxTableCells && nClasses <= Character.MAX_VALUE) {
      classOf = classMap;
      classes = nClasses;
      table = buildTable(states, nClasses, classMap);
    } else {
      classOf = null;
      classes = 0;
      table = null;
    }
  }

  /** Next state for every state and char class, by the same fail-link walk as {@link #scan}. */
  private int[] buildTable(int states, int nClasses, char[] classMap) {
    char[] representative = new char[nClasses];
    for (int c = 0; c < classMap.length; c++) {
      if (classMap[c] != 0) {
        representative[classMap[c]] = (char) c;
      }
    }
    int[] t = new int[states * nClasses];
    for (int s = 0; s < states; s++) {
      for (int k = 1; k < nClasses; k++) {
        char c = representative[k];
        int state = s;
        int next;
        while ((next = step(state, c)) < 0 && state != 0) {
          state = fail[state];
        }
        t[s * nClasses + k] = next < 0 ? 0 : next;
      }
      // class 0: a char of no pattern leads back to the root from every state
    }
    return t;
  }

  public int patternCount() {
    return patterns.size();
  }

  public String pattern(int id) {
    return patterns.get(id);
  }

  /** Reports every occurrence (overlapping ones included) in text order of their end. */
  public void scan(CharSequence text, MatchSink sink) {
    if (table != null) {
      scanWithTable(text, sink);
      return;
    }
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int next;
      while ((next = step(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = next < 0 ? 0 : next;
      for (int s = output[state] >= 0 ? state : outputLink[state]; s >= 0; s = outputLink[s]) {
        int id = output[s];
        if (!sink.onMatch(i + 1 - patterns.get(id).length(), i + 1, id)) {
          return;
        }
      }
    }
  }

  private void scanWithTable(CharSequence text, MatchSink sink) {
    int state = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int k = c < classOf.length ? classOf[c] : 0;
      state = k == 0 ? 0 : table[state * classes + k];
      if (output[state] < 0 && outputLink[state] < 0) {
        continue;
      }
      for (int s = output[state] >= 0 ? state : outputLink[state]; s >= 0; s = outputLink[s]) {
        int id = output[s];
        if (!sink.onMatch(i + 1 - patterns.get(id).length(), i + 1, id)) {
          return;
        }
      }
    }
  }

  /** Whether any pattern occurs in {@code text}; stops at the first occurrence. */
  public boolean containsAny(CharSequence text) {
    boolean[] found = {false};
    scan(text, (start, end, id) -> {
      found[0] = true;
      return false;
    });
    return found[0];
  }

  /** The state reached from {@code state} on {@code c}, or -1 when there is no edge. */
  private int step(int state, char c) {
    int i = Arrays.binarySearch(edgeChars, edgeStart[state], edgeStart[state + 1], c);
    return i >= 0 ? edgeTargets[i] : -1;
  }
}
