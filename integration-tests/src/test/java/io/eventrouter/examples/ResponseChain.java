package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chain of responders: the caller asks a planner ({@code chain.plan}); to answer, the planner
 * asks an estimator ({@code chain.estimate}) and combines its answer into the reply.
 *
 * <p>Each request has its own {@code correlation_id}, which its reply repeats; a reply's
 * {@code causation_id} is the id of the request event it answers. The planner's own request
 * names the caller's request as its cause and carries the caller's {@code trace_id}, so the
 * whole chain can be followed. {@link #main} prints the ids.
 */
public final class ResponseChain {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final List<String> STEPS = List.of("design", "build", "test");
    static final int HOURS_PER_STEP = 4;

    /** The four events of one chained request, as each party saw them. */
    public record Trace(Event planRequest, Event estimateRequest, Event estimateReply, Event reply) {}

    private ResponseChain() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Trace trace = run(url);
        System.out.println("reply: " + trace.reply().payload());
        print("caller    -> chain.plan    ", trace.planRequest());
        print("planner   -> chain.estimate", trace.estimateRequest());
        print("estimator -> planner       ", trace.estimateReply());
        print("planner   -> caller        ", trace.reply());
    }

    private static void print(String hop, Event event) {
        System.out.printf("%s  id=%s  correlation_id=%s  causation_id=%s  trace_id=%s%n", hop, event.id(),
                event.metadata().correlationId(), event.metadata().causationId(), event.metadata().traceId());
    }

    /** Asks for a plan of {@link #STEPS}; returns the reply and the events that led to it. */
    public static Trace run(String url) throws InterruptedException, ExecutionException {
        AtomicReference<Event> planRequest = new AtomicReference<>();
        AtomicReference<Event> estimateRequest = new AtomicReference<>();
        AtomicReference<Event> estimateReply = new AtomicReference<>();
        try (EventRouterClient estimator = EventRouterClient.connect(url);
                EventRouterClient planner = EventRouterClient.connect(url);
                EventRouterClient caller = EventRouterClient.connect(url)) {
            estimator.respond("chain.estimate", request -> {
                estimateRequest.set(request);
                int steps = request.payload().getJsonArray("steps").size();
                return Map.of("hours", steps * HOURS_PER_STEP);
            });

            // A responder may make requests of its own. It blocks its subscription's handler
            // thread meanwhile; the reply arrives on another one, so this cannot deadlock.
            planner.respond("chain.plan", request -> {
                planRequest.set(request);
                Event estimate = planner.request(Event.builder("chain.estimate")
                        .payload(Payloads.toJson(Map.of("steps", STEPS)))
                        .metadata(EventMetadata.builder().causationId(request.id())
                                .traceId(request.metadata().traceId()).build()),
                        Duration.ofSeconds(5)).get();
                estimateReply.set(estimate);
                return Map.of("goal", request.payload().getString("goal"), "steps", STEPS,
                        "hours", estimate.payload().getInt("hours"));
            });

            // Longer than the planner's 5 s wait for the estimator, which is part of this request.
            Event reply = caller.request(Event.builder("chain.plan")
                    .payload(Payloads.toJson(Map.of("goal", "release 1.0")))
                    .metadata(EventMetadata.builder().traceId("release-1.0-" + System.currentTimeMillis()).build()),
                    Duration.ofSeconds(10)).get();
            return new Trace(planRequest.get(), estimateRequest.get(), estimateReply.get(), reply);
        }
    }
}
