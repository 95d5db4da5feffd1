package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.client.RouterException;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.Topics;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One responder agent answering four kinds of request, and a caller asking each of them.
 * {@code respond(pattern, …)} subscribes to the pattern and publishes whatever the function
 * returns back to the caller, with the request's {@code correlation_id}; the caller's
 * {@code request(…)} completes with that reply.
 *
 * <ul>
 *   <li><b>exact topic</b>: {@code math.add} {a, b} answers {sum};
 *   <li><b>wildcard</b>: {@code greet.*} answers in the language named by the last segment
 *       ({@code greet.fr}); an unknown language makes the responder throw, and the caller's
 *       request fails with the responder's message;
 *   <li><b>by priority</b>: {@code support.ticket} sends requests of {@link Priority#HIGH} or
 *       above to the on-call queue and the rest to the backlog; the reply keeps the request's
 *       priority;
 *   <li><b>response chain</b>: the reply to {@code order.quote} carries a quote id, and that
 *       reply triggers the caller's next request, {@code order.confirm}, which names the quote
 *       reply as its cause. {@link ResponseChain} shows the other kind of chain, a responder
 *       that asks another responder before it answers.
 * </ul>
 */
public final class SimpleResponder {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final Map<String, String> GREETINGS = Map.of("en", "Hello", "fr", "Bonjour", "de", "Hallo");
    static final Map<String, Integer> PRICES_IN_CENTS = Map.of("widget", 250, "gadget", 1200);
    static final int ON_CALL_MINUTES = 15;
    static final int BACKLOG_MINUTES = 24 * 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * The replies the caller got.
     *
     * @param sum the reply to {@code math.add} {a: 2, b: 3}
     * @param greetings language → greeting, from the {@code greet.*} replies
     * @param unknownLanguage why the request on {@code greet.xx} failed
     * @param urgentTicket the reply to a CRITICAL ticket
     * @param routineTicket the reply to a LOW ticket
     * @param quote the reply to {@code order.quote}
     * @param confirmRequest the request the quote triggered, as the responder received it
     * @param confirmation the reply to {@code order.confirm}
     */
    public record Answers(Event sum, Map<String, String> greetings, String unknownLanguage, Event urgentTicket,
            Event routineTicket, Event quote, Event confirmRequest, Event confirmation) {}

    private SimpleResponder() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Answers answers = run(url);
        System.out.println("exact    math.add {a: 2, b: 3}          -> " + answers.sum().payload());
        answers.greetings().forEach((language, greeting) ->
                System.out.printf("wildcard greet.%s {name: Ada}           -> %s%n", language, greeting));
        System.out.println("wildcard greet.xx {name: Ada}           -> failed: " + answers.unknownLanguage());
        System.out.println("priority support.ticket (CRITICAL)      -> " + answers.urgentTicket().payload());
        System.out.println("priority support.ticket (LOW)           -> " + answers.routineTicket().payload());
        System.out.println("chain    order.quote {widget x 4}       -> " + answers.quote().payload());
        System.out.println("chain    order.confirm {quote_id}       -> " + answers.confirmation().payload());
    }

    /** Starts the responder, asks it every kind of request and returns the answers. */
    public static Answers run(String url) throws InterruptedException, ExecutionException {
        Map<String, Event> confirmRequests = new ConcurrentHashMap<>();
        try (EventRouterClient responder = EventRouterClient.connect(url);
                EventRouterClient caller = EventRouterClient.connect(url)) {
            // A responder that throws is also reported on its own side (logged when no
            // listener is registered); greet.xx below does that on purpose.
            responder.addErrorListener(error -> System.out.println("responder reported: "
                    + (error.getCause() != null ? error.getCause() : error).getMessage()));
            answerMath(responder);
            answerGreetings(responder);
            answerTickets(responder);
            answerOrders(responder, confirmRequests);

            Event sum = caller.request("math.add", Map.of("a", 2, "b", 3), TIMEOUT).get();

            Map<String, String> greetings = new LinkedHashMap<>();
            for (String language : List.of("en", "fr", "de")) {
                Event reply = caller.request("greet." + language, Map.of("name", "Ada"), TIMEOUT).get();
                greetings.put(language, reply.payload().getString("greeting"));
            }
            String unknownLanguage = failureOf(caller, "greet.xx");

            Event urgent = caller.request(ticket(Priority.CRITICAL, "the router is down"), TIMEOUT).get();
            Event routine = caller.request(ticket(Priority.LOW, "please add dark mode"), TIMEOUT).get();

            // The chain: the quote's reply is the input of the next request, which names it as
            // its cause. thenCompose keeps it asynchronous until the last get().
            AtomicReference<Event> quote = new AtomicReference<>();
            Event confirmation = caller.request("order.quote", Map.of("item", "widget", "quantity", 4), TIMEOUT)
                    .thenCompose(quoteReply -> {
                        quote.set(quoteReply);
                        return caller.request(Event.builder("order.confirm")
                                .payload(Payloads.toJson(Map.of("quote_id", quoteReply.payload().getString("quote_id"))))
                                .metadata(EventMetadata.builder().causationId(quoteReply.id()).build()), TIMEOUT);
                    })
                    .get();
            Event confirmRequest = confirmRequests.get(confirmation.payload().getString("order_id"));
            return new Answers(sum, Collections.unmodifiableMap(greetings), unknownLanguage, urgent, routine, quote.get(),
                    confirmRequest, confirmation);
        }
    }

    /** Exact topic: only requests published on {@code math.add} reach this responder. */
    private static void answerMath(EventRouterClient responder) {
        responder.respond("math.add", request -> {
            JsonObject numbers = request.payload();
            return Map.of("sum", numbers.getInt("a") + numbers.getInt("b"));
        });
    }

    /** Wildcard: {@code *} matches one segment, which the responder reads to pick the language. */
    private static void answerGreetings(EventRouterClient responder) {
        responder.respond("greet.*", request -> {
            String[] segments = Topics.split(request.topic());
            String language = segments[segments.length - 1];
            String greeting = GREETINGS.get(language);
            if (greeting == null) {
                // Thrown here, it reaches the caller as a failed request with this message.
                throw new IllegalArgumentException("no greeting in language '" + language + "'");
            }
            return Map.of("greeting", greeting + ", " + request.payload().getString("name") + "!");
        });
    }

    /** By priority: the same topic, answered according to how urgent the request is. */
    private static void answerTickets(EventRouterClient responder) {
        responder.respond("support.ticket", request -> request.priority() >= Priority.HIGH
                ? Map.of("queue", "on-call", "answer_within_minutes", ON_CALL_MINUTES)
                : Map.of("queue", "backlog", "answer_within_minutes", BACKLOG_MINUTES));
    }

    /** The two steps of an order: a quote, then a confirmation that must name a quote. */
    private static void answerOrders(EventRouterClient responder, Map<String, Event> confirmRequests) {
        Map<String, Integer> quotedCents = new ConcurrentHashMap<>();
        AtomicInteger quotes = new AtomicInteger();
        AtomicInteger orders = new AtomicInteger();
        responder.respond("order.quote", request -> {
            String item = request.payload().getString("item");
            int cents = PRICES_IN_CENTS.get(item) * request.payload().getInt("quantity");
            String quoteId = "Q-" + quotes.incrementAndGet();
            quotedCents.put(quoteId, cents);
            return Map.of("quote_id", quoteId, "item", item, "total_cents", cents);
        });
        responder.respond("order.confirm", request -> {
            String quoteId = request.payload().getString("quote_id");
            Integer cents = quotedCents.remove(quoteId);
            if (cents == null) {
                throw new IllegalArgumentException("unknown or already used quote '" + quoteId + "'");
            }
            String orderId = "O-" + orders.incrementAndGet();
            confirmRequests.put(orderId, request);
            return Map.of("order_id", orderId, "quote_id", quoteId, "total_cents", cents);
        });
    }

    private static Event.Builder ticket(int priority, String summary) {
        return Event.builder("support.ticket").priority(priority).payload(Payloads.toJson(Map.of("summary", summary)));
    }

    /** The message of a request the responder refused. */
    private static String failureOf(EventRouterClient caller, String topic) throws InterruptedException {
        try {
            caller.request(topic, Map.of("name", "Ada"), TIMEOUT).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RouterException refused) {
                return refused.getMessage();
            }
            throw new IllegalStateException("Request on " + topic + " failed unexpectedly", failed.getCause());
        }
        throw new IllegalStateException("Request on " + topic + " should have failed");
    }
}
