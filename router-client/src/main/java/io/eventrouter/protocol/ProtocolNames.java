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

    private static int slot(int hash) {
        return (hash ^ (hash >>> 8) ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
