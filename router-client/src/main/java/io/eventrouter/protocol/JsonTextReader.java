package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads one frame's JSON text into JSON-P values, more cheaply than a general reader: strings
 * without escapes are cut straight out of the text, and an object that is the value of a
 * member named {@code payload} is only checked and kept as compact text ({@link RawJsonObject})
 * instead of being built into a tree. Every frame passes through here, and a published event's
 * payload is the one part the router never reads.
 *
 * <p>The reader is strict (RFC 8259) and conservative: for any text it does not fully
 * understand (a syntax error, a control character or unknown escape in a string, very deep
 * nesting, a very long number, content after the value) it returns null, and the caller reads
 * the text with Parsson instead, which either accepts it or describes the error. So whatever
 * this reader accepts, Parsson accepts too, with equal values.
 */
final class JsonTextReader extends JsonScanner {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String PAYLOAD = "payload";
    /**
     * This thread's member stack arrays, names then values, reused from frame to frame. Only JDK
     * types are kept in the thread, so a container thread that outlives an undeployed WAR holds
     * none of its classes (a {@code JsonValue[]} would be one when the WAR carries the JSON API).
     */
    private static final ThreadLocal<Object[][]> MEMBER_ARRAYS = new ThreadLocal<>();

    /** The members of the objects being read, innermost last; on this thread's arrays, emptied per frame. */
    private final Members members = Members.ofThisThread();

    private JsonTextReader(CharSequence text) {
        super(text);
    }

    /**
     * The value {@code text} holds, or null when it must be read by Parsson instead. Nothing
     * read keeps a reference to {@code text}, so a reused buffer may be passed.
     */
    static JsonValue read(CharSequence text) {
        JsonTextReader reader = new JsonTextReader(text);
        try {
            JsonValue value = reader.value(0);
            return reader.atEnd() ? value : null;
        } catch (RuntimeException unsupported) {
            // UNSUPPORTED, or an index past the end of truncated text: Parsson decides.
            return null;
        } finally {
            reader.members.releaseToThread();
        }
    }

    private JsonValue value(int depth) {
        skipWhitespace();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                at++;
                return JSON.createValue(string());
            case 't':
                literal("true");
                return JsonValue.TRUE;
            case 'f':
                literal("false");
                return JsonValue.FALSE;
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                return number();
        }
    }

    private JsonObject object(int depth) {
        int base = members.top;
        if (!openObject(depth)) {
            return members.pop(base);
        }
        // The protocol names this object has had, by ordinal: a repeat is then found without a scan.
        long seen = 0;
        do {
            String name = memberName();
            int ordinal = nameOrdinal;
            JsonValue value;
            if (peek() == '{' && PAYLOAD.equals(name)) {
                value = rawObject(depth + 1);
            } else {
                value = value(depth);
            }
            if (ordinal >= 0) {
                long bit = 1L << ordinal;
                members.add(base, name, value, (seen & bit) != 0, true);
                seen |= bit;
            } else {
                members.add(base, name, value, true, false);
            }
        } while (nextMember());
        return members.pop(base);
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        at++;
        var items = JSON.createArrayBuilder();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return items.build();
        }
        while (true) {
            items.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return items.build();
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    private JsonValue number() {
        int start = at;
        boolean integral = numberEnd();
        int length = at - start;
        int digits = chars[start] == '-' ? length - 1 : length;
        if (integral && digits <= 9) {
            return JSON.createValue((int) integer(start, at));
        }
        if (integral && digits <= 18) {
            return JSON.createValue(integer(start, at));
        }
        return JSON.createValue(new BigDecimal(chars, start, at - start));
    }

    /**
     * The members of the objects under construction, as one stack: an object's members sit
     * from where the stack stood when it opened, and leave in one exact-size pair of arrays
     * when it closes. So each object allocates what it holds and nothing more, instead of
     * growing arrays of its own while it is read.
     */
    private static final class Members {
        /** Enough for a subscribe; a publish (about 25 members open at once) doubles it once. */
        private static final int INITIAL = 16;
        private static final int MAX_RETAINED = 1024;
        private static final String[] NO_NAMES = {};
        private static final JsonValue[] NO_VALUES = {};
        /** This thread's holder of the two arrays, where they go back after the frame. */
        private final Object[][] home;
        private String[] names;
        /** Values as objects: a {@code JsonValue[]} kept in the thread would hold the JSON API's class. */
        private Object[] values;
        private int top;
        /** The highest {@link #top} since the frame began: the slots that may still hold values. */
        private int used;

        private Members(Object[][] home) {
            this.home = home;
            this.names = (String[]) home[0];
            this.values = home[1];
        }

        /** A stack on the arrays this thread kept from its last frame (empty), or on new ones. */
        static Members ofThisThread() {
            Object[][] home = MEMBER_ARRAYS.get();
            if (home == null) {
                home = new Object[][] {new String[INITIAL], new Object[INITIAL]};
                MEMBER_ARRAYS.set(home);
            }
            return new Members(home);
        }

        /**
         * Lets go of every value the frame left here, at once rather than object by object, and
         * keeps the arrays for this thread's next frame unless a huge one grew them.
         */
        void releaseToThread() {
            if (names.length > MAX_RETAINED) {
                names = new String[INITIAL];
                values = new Object[INITIAL];
            } else {
                Arrays.fill(names, 0, used, null);
                Arrays.fill(values, 0, used, null);
            }
            home[0] = names;
            home[1] = values;
            top = 0;
            used = 0;
        }

        /**
         * Adds a member to the object whose members start at {@code base}; a duplicate name
         * replaces the earlier value in its place, as Parsson does.
         *
         * @param mayRepeat whether an earlier member may have this name; if not, none is looked for
         * @param canonical whether {@code name} is a {@link ProtocolNames} constant: then an
         *     earlier member of that name is the same instance, and identity is enough
         */
        void add(int base, String name, JsonValue value, boolean mayRepeat, boolean canonical) {
            for (int i = mayRepeat ? top - 1 : base - 1; i >= base; i--) {
                if (names[i] == name || !canonical && names[i].equals(name)) {
                    values[i] = value;
                    return;
                }
            }
            if (top == names.length) {
                names = Arrays.copyOf(names, top * 2);
                values = Arrays.copyOf(values, top * 2);
            }
            names[top] = name;
            values[top++] = value;
            used = Math.max(used, top);
        }

        /** The object whose members start at {@code base}, taken off the stack. */
        ParsedJsonObject pop(int base) {
            if (top == base) {
                return new ParsedJsonObject(NO_NAMES, NO_VALUES);
            }
            String[] objectNames = Arrays.copyOfRange(names, base, top);
            JsonValue[] objectValues = Arrays.copyOfRange(values, base, top, JsonValue[].class);
            // The slots keep their values until the frame is read: releaseToThread() empties them all.
            top = base;
            return new ParsedJsonObject(objectNames, objectValues);
        }
    }
}
