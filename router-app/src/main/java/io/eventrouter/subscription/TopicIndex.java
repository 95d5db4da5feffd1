package io.eventrouter.subscription;

import io.eventrouter.protocol.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps topic patterns to values. Exact topics live in a hash map; patterns with wildcards in a
 * trie of segments whose {@code *} and {@code #} children are searched beside the literal one;
 * the match-all patterns ({@code *} or {@code #} alone) in a plain list. A value registered
 * under several matching patterns is reported once per matching pattern; callers deduplicate.
 *
 * <p>Only a {@code #} before the last segment (e.g. {@code #.failed}) lets one trie node be
 * reached along several paths; the index counts such patterns and, while there are none,
 * matches without the bookkeeping that reports each pattern once.
 *
 * <p>Not thread-safe: the owner guards it (reads vastly outnumber writes).
 */
public final class TopicIndex<T> {
    /** Exact topic to its registrations (see {@link Registrations}). */
    private final Map<String, Object> exact = new HashMap<>();
    private final List<T> matchAll = new ArrayList<>();
    private final Node<T> root = new Node<>();
    private int patterns;
    private int innerMultiPatterns;

    /** Registers {@code value} under a validated {@code pattern}. */
    public void add(String pattern, T value) {
        Topics.requireValidPattern(pattern);
        if (Topics.isMatchAll(pattern)) {
            matchAll.add(value);
        } else if (!Topics.isPattern(pattern)) {
            exact.put(pattern, Registrations.plus(exact.get(pattern), value));
        } else {
            String[] segments = Topics.split(pattern);
            Node<T> node = root;
            for (String segment : segments) {
                node = node.childFor(segment);
            }
            node.values = Registrations.plus(node.values, value);
            if (hasInnerMulti(segments)) {
                innerMultiPatterns++;
            }
        }
        patterns++;
    }

    /** Removes one registration of {@code value} under {@code pattern}; true if it was there. */
    public boolean remove(String pattern, T value) {
        boolean removed;
        if (Topics.isMatchAll(pattern)) {
            removed = matchAll.remove(value);
        } else if (!Topics.isPattern(pattern)) {
            Object rest = Registrations.minus(exact.get(pattern), value);
            removed = rest != Registrations.ABSENT;
            if (rest == null) {
                exact.remove(pattern);
            } else if (removed) {
                exact.put(pattern, rest);
            }
        } else {
            String[] segments = Topics.split(pattern);
            removed = root.remove(segments, 0, value);
            if (removed && hasInnerMulti(segments)) {
                innerMultiPatterns--;
            }
        }
        if (removed) {
            patterns--;
        }
        return removed;
    }

    /** Calls {@code sink} for every registration whose pattern matches {@code topic}. */
    public void match(String topic, Consumer<T> sink) {
        matchAll.forEach(sink);
        Registrations.forEach(exact.get(topic), sink);
        if (!root.isEmpty()) {
            root.match(Topics.split(topic), 0, sink, innerMultiPatterns == 0 ? null : new HashSet<>());
        }
    }

    /** Number of registrations (a value under two patterns counts twice). */
    public int size() {
        return patterns;
    }

    /** Whether a '#' stands before the last segment, so more segments follow it in the trie. */
    private static boolean hasInnerMulti(String[] segments) {
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals(Topics.MULTI_WILDCARD)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The registrations under one pattern, held as the value itself when there is one (most
     * exact topics and trie nodes) and in a {@link Many} list for more: matching then reaches a
     * lone registration without going through a list and its array, which on a large index
     * are two more memory loads that tend to miss the cache.
     */
    private static final class Registrations {
        /** Several registrations, in the order they were added. */
        private static final class Many extends ArrayList<Object> {}

        private Registrations() {}

        static Object plus(Object held, Object value) {
            if (held == null) {
                return value;
            }
            Many many;
            if (held instanceof Many list) {
                many = list;
            } else {
                many = new Many();
                many.add(held);
            }
            many.add(value);
            return many;
        }

        /** What {@link #minus} answers when there is no such registration. */
        static final Object ABSENT = new Object();

        /**
         * {@code held} without one registration equal to {@code value}: null if none is left,
         * {@link #ABSENT} if there was no such registration.
         */
        static Object minus(Object held, Object value) {
            if (held instanceof Many many) {
                if (!many.remove(value)) {
                    return ABSENT;
                }
                return many.size() == 1 ? many.get(0) : many;
            }
            return held != null && held.equals(value) ? null : ABSENT;
        }

        @SuppressWarnings("unchecked")
        static <T> void forEach(Object held, Consumer<T> sink) {
            if (held instanceof Many many) {
                for (int i = 0; i < many.size(); i++) {
                    sink.accept((T) many.get(i));
                }
            } else if (held != null) {
                sink.accept((T) held);
            }
        }
    }

    /** A '#' node entered at a topic depth; nodes compare by identity. */
    private record Visit(Object node, int depth) {}

    private static final class Node<T> {
        private Map<String, Node<T>> literal;
        private Node<T> single;
        private Node<T> multi;
        /** The registrations of the pattern ending here (see {@link Registrations}). */
        private Object values;

        Node<T> childFor(String segment) {
            if (segment.equals(Topics.SINGLE_WILDCARD)) {
                if (single == null) {
                    single = new Node<>();
                }
                return single;
            }
            if (segment.equals(Topics.MULTI_WILDCARD)) {
                if (multi == null) {
                    multi = new Node<>();
                }
                return multi;
            }
            if (literal == null) {
                literal = new HashMap<>();
            }
            return literal.computeIfAbsent(segment, key -> new Node<>());
        }

        /**
         * {@code visited} holds the ('#' node, depth) pairs already explored in this call. Only a
         * '#' can consume a varying number of segments, so two ways of matching one pattern
         * (e.g. {@code #.#} or {@code #.a.#} against {@code a.a}) meet again at such a pair;
         * exploring each once reports every pattern once and keeps the work polynomial.
         *
         * <p>{@code visited} is null when no pattern has a '#' before its last segment. Then
         * every node is reached at most once, along its one path, and every '#' node is a leaf
         * that matches exactly when it is reached: whatever the rest of the topic, '#' takes it.
         */
        void match(String[] topic, int depth, Consumer<T> sink, Set<Visit> visited) {
            if (multi != null && visited == null) {
                Registrations.forEach(multi.values, sink);
            } else if (multi != null) {
                // '#' swallows zero or more segments: try every remaining suffix.
                for (int next = depth; next <= topic.length; next++) {
                    if (visited.add(new Visit(multi, next))) {
                        multi.match(topic, next, sink, visited);
                    }
                }
            }
            if (depth == topic.length) {
                Registrations.forEach(values, sink);
                return;
            }
            if (literal != null) {
                Node<T> child = literal.get(topic[depth]);
                if (child != null) {
                    child.match(topic, depth + 1, sink, visited);
                }
            }
            if (single != null) {
                single.match(topic, depth + 1, sink, visited);
            }
        }

        boolean remove(String[] pattern, int depth, T value) {
            if (depth == pattern.length) {
                Object rest = Registrations.minus(values, value);
                if (rest == Registrations.ABSENT) {
                    return false;
                }
                values = rest;
                return true;
            }
            String segment = pattern[depth];
            Node<T> child;
            if (segment.equals(Topics.SINGLE_WILDCARD)) {
                child = single;
            } else if (segment.equals(Topics.MULTI_WILDCARD)) {
                child = multi;
            } else {
                child = literal == null ? null : literal.get(segment);
            }
            if (child == null || !child.remove(pattern, depth + 1, value)) {
                return false;
            }
            if (child.isEmpty()) {
                prune(segment);
            }
            return true;
        }

        private void prune(String segment) {
            if (segment.equals(Topics.SINGLE_WILDCARD)) {
                single = null;
            } else if (segment.equals(Topics.MULTI_WILDCARD)) {
                multi = null;
            } else {
                literal.remove(segment);
                if (literal.isEmpty()) {
                    literal = null;
                }
            }
        }

        boolean isEmpty() {
            return values == null && literal == null && single == null && multi == null;
        }
    }
}
