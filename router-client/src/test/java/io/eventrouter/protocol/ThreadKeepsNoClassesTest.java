package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.spi.JsonProvider;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A thread that decoded and encoded messages keeps nothing that holds on to the classes that
 * did it: a servlet container's threads outlive an undeployed WAR, and whatever those threads
 * keep of the WAR's classes keeps all of them, and their class loader, for good.
 */
class ThreadKeepsNoClassesTest {
    private static final String SUBSCRIBE =
            "{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"orders.*\"],\"types\":[\"order.created\"]}}";
    private static final String PUBLISH = "{\"type\":\"publish\",\"event\":{\"topic\":\"orders.eu\","
            + "\"type\":\"order.created\",\"priority\":7,\"payload\":{\"id\":42,\"lines\":[{\"sku\":\"a\"}]},"
            + "\"metadata\":{\"correlation_id\":\"c-1\",\"tags\":{\"region\":\"eu\"}}}}";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void shouldLetTheClassesOfAnUnloadedCopyGoAfterThisThreadUsedThem() throws Exception {
        WeakReference<ClassLoader> copy = useAFreshCopyOnThisThread();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (copy.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }

        assertThat(copy.get()).as("the copy's class loader, kept by something this thread holds").isNull();
    }

    /** Loads the protocol classes and the JSON API anew, uses them here, and drops them. */
    private static WeakReference<ClassLoader> useAFreshCopyOnThisThread() throws Exception {
        URL[] classes = {
            location(ProtocolCodec.class), location(JsonProvider.class), location(JsonProvider.provider().getClass())
        };
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classes, ClassLoader.getPlatformClassLoader())) {
            // The JSON API finds its provider through the context loader, as in a container.
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> codec = Class.forName(ProtocolCodec.class.getName(), true, loader);
            assertThat(codec).isNotSameAs(ProtocolCodec.class);
            Method decode = codec.getMethod("decodeClientMessage", CharSequence.class);
            decode.invoke(null, SUBSCRIBE);
            Object publish = decode.invoke(null, PUBLISH);
            Method eventOf = publish.getClass().getMethod("event");
            Object event = eventOf.invoke(publish);
            Object json = codec.getMethod("encodeEvent", eventOf.getReturnType()).invoke(null, event);
            assertThat((String) json).contains("\"topic\":\"orders.eu\"");
            return new WeakReference<>(loader);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
