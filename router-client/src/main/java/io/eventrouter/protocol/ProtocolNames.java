package io.eventrouter.protocol;

import java.util.Arrays;

/**
 * The member names of the protocol's messages, each one constant string. The frame reader swaps
 * a name it reads for its constant, so equal names are one instance (found by identity) and
 * cost no allocation. Lookup is by the name's {@link String#hashCode()}, which the reader
 * computes while scanning for the closing quote: one probe and one comparison per name instead
 * of comparing against every known name of the same length.
 */
final class ProtocolNames {
    private static final String[] NAMES = {
        "type", "event", "request_id", "subscription", "subscription_id", "client_name", "echo",
        "id", "topic", "priority", "source", "target", "payload", "metadata", "timestamp", "version",
        "delivery_status", "delivery_attempts", "last_delivery_attempt", "delivery_error",
        "created_at", "correlation_id", "causation_id", "user_id", "session_id", "trace_id", "span_id",
        "tags", "headers", "topics", "types", "priorities", "sources", "status", "event_id", "reason",
        "client_id", "server_time", "error", "code", "message", "details",
    };
    /** How many names there are: every ordinal is below this. */
    static final int COUNT = NAMES.length;
    /** Open addressing, at most a quarter full, so a probe rarely goes past its first slot. */
    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];
    private static final char[][] CHARS = new char[SLOTS][];
    private static final int[] HASHES = new int[SLOTS];
    private static final int[] ORDINALS = new int[SLOTS];
    /**
     * The members of an event, then of its metadata, in the order this protocol writes them
     * (and the Python agents, and most other clients, send them): see {@link #following}.
     */
    private static final String[][] CANONICAL_ORDERS = {
        {"id", "topic", "type", "priority", "source", "target", "payload", "metadata", "timestamp", "version",
            "delivery_status", "delivery_attempts", "last_delivery_attempt", "delivery_error"},
        {"created_at", "correlation_id", "causation_id", "user_id", "session_id", "trace_id", "span_id", "tags",
            "headers"},
    };
    /** By ordinal: the ordinal of the member that follows it in its canonical order, or -1. */
    private static final int[] FOLLOWING = new int[NAMES.length];
    private static final char[][] CHARS_BY_ORDINAL = new char[NAMES.length][];

    static {
        if (NAMES.length > Long.SIZE) {
            throw new ExceptionInInitializerError("more protocol names than bits in a long");
        }
        for (int ordinal = 0; ordinal < NAMES.length; ordinal++) {
            String name = NAMES[ordinal];
            int slot = slot(name.hashCode());
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            TABLE[slot] = name;
            CHARS[slot] = name.toCharArray();
            HASHES[slot] = name.hashCode();
            ORDINALS[slot] = ordinal;
            CHARS_BY_ORDINAL[ordinal] = CHARS[slot];
        }
        Arrays.fill(FOLLOWING, -1);
        for (String[] order : CANONICAL_ORDERS) {
            for (int i = 0; i + 1 < order.length; i++) {
                FOLLOWING[ordinalOf(order[i])] = ordinalOf(order[i + 1]);
            }
        }
    }

    private ProtocolNames() {}

    /**
     * Where the name equal to the {@code length} characters of {@code text} at {@code start},
     * whose {@link String#hashCode()} is {@code hash}, is kept; -1 if it is not a protocol name.
     */
    static int find(char[] text, int start, int length, int hash) {
        for (int slot = slot(hash); ; slot = (slot + 1) & (SLOTS - 1)) {
            char[] known = CHARS[slot];
            if (known == null) {
                return -1;
            }
            if (HASHES[slot] == hash && Arrays.equals(known, 0, known.length, text, start, start + length)) {
                return slot;
            }
        }
    }

    /** Where the name equal to {@code name} is kept; -1 if it is not a protocol name. */
    static int find(String name) {
        int hash = name.hashCode();
        for (int slot = slot(hash); ; slot = (slot + 1) & (SLOTS - 1)) {
            String known = TABLE[slot];
            if (known == null) {
                return -1;
            }
            if (HASHES[slot] == hash && known.equals(name)) {
                return slot;
            }
        }
    }

    /** The constant kept at {@code slot}, a result of {@code find}. */
    static String name(int slot) {
        return TABLE[slot];
    }

    /**
     * A number from 0 to 63 for the name kept at {@code slot}, distinct for each name: the
     * reader notes the names an object has by these bits.
     */
    static int ordinal(int slot) {
        return ORDINALS[slot];
    }

    /** The ordinal of a protocol name; fails for any other name. */
    static int ordinalOf(String name) {
        int slot = find(name);
        if (slot < 0) {
            throw new IllegalArgumentException("not a protocol name: " + name);
        }
        return ORDINALS[slot];
    }

    /** The constant with this ordinal. */
    static String nameOf(int ordinal) {
        return NAMES[ordinal];
    }

    /** The characters of the name with this ordinal; not to be modified. */
    static char[] charsOf(int ordinal) {
        return CHARS_BY_ORDINAL[ordinal];
    }

    /**
     * The ordinal of the member that comes after this one in an event or its metadata as the
     * protocol writes them; -1 after the last, or for a name (or -1) outside those objects. The
     * reader checks for that name first: a frame in canonical order needs no lookup at all.
     */
    static int following(int ordinal) {
        return ordinal < 0 ? -1 : FOLLOWING[ordinal];
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 8) ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
