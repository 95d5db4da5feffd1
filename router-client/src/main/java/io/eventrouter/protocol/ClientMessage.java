package io.eventrouter.protocol;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * A frame a client sends to the router. Every kind may carry a {@code request_id} that the
 * reply echoes (protocol Part 2); it is null when absent.
 */
public sealed interface ClientMessage {

    String requestId();

    /** The wire value of the {@code type} field. */
    String type();

    record Publish(Event event, String requestId) implements ClientMessage {
        public Publish {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String type() {
            return "publish";
        }
    }

    record Subscribe(SubscriptionSpec subscription, String requestId) implements ClientMessage {
        public Subscribe {
            Objects.requireNonNull(subscription, "subscription");
        }

        @Override
        public String type() {
            return "subscribe";
        }
    }

    record Unsubscribe(String subscriptionId, String requestId) implements ClientMessage {
        public Unsubscribe {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
        }

        @Override
        public String type() {
            return "unsubscribe";
        }
    }

    /** {@code echo} is any JSON value, returned unchanged in the pong. */
    record Ping(JsonValue echo, String requestId) implements ClientMessage {
        public Ping {
            echo = echo == null ? JsonValue.NULL : echo;
        }

        @Override
        public String type() {
            return "ping";
        }
    }

    record GetHealth(String requestId) implements ClientMessage {
        @Override
        public String type() {
            return "get_health";
        }
    }

    record Identify(String clientName, String requestId) implements ClientMessage {
        public Identify {
            if (clientName == null || clientName.isEmpty()) {
                throw new IllegalArgumentException("client_name must be a non-empty string");
            }
        }

        @Override
        public String type() {
            return "identify";
        }
    }
}
