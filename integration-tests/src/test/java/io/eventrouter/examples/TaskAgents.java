package io.eventrouter.examples;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Agents sharing work: a manager creates tasks, two workers claim them, each task goes to
 * exactly one worker. The router has no shared (queue-group) subscriptions yet, so the manager
 * arbitrates: first claim wins. Every client is named ({@code ClientOptions.clientName}) and
 * the point-to-point events are addressed with {@code target}, so only the addressee gets them.
 *
 * <pre>
 * manager ── task.created   {task_id}          ──► every worker
 * worker  ── task.assigned  {task_id, worker}  ──► manager        (a claim: "assign it to me")
 * manager ── task.assigned  {task_id, worker}  ──► that worker    (first claim wins; later ones are ignored)
 * worker  ── task.completed {task_id, worker}  ──► manager
 * </pre>
 *
 * <p>Which worker wins a task depends on timing; that every task is assigned once and completed
 * once does not.
 */
public final class TaskAgents {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final String MANAGER = "task-manager";
    static final List<String> WORKERS = List.of("worker-1", "worker-2");
    static final int TASK_COUNT = 6;

    /** A task a worker finished, as the manager heard of it. */
    public record Completion(String taskId, String worker) {}

    /** Who got each task (task id → worker) and the completions in arrival order. */
    public record Outcome(Map<String, String> assignments, List<Completion> completions) {}

    private TaskAgents() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Outcome outcome = run(url);
        for (Completion done : outcome.completions()) {
            System.out.printf("%s completed by %s%n", done.taskId(), done.worker());
        }
        System.out.printf("%d tasks, %d completions%n", outcome.assignments().size(), outcome.completions().size());
    }

    /** Runs the manager and the workers until all {@link #TASK_COUNT} tasks are completed. */
    public static Outcome run(String url) throws InterruptedException, TimeoutException {
        Map<String, String> assignments = new ConcurrentHashMap<>();
        List<Completion> completions = new CopyOnWriteArrayList<>();
        CountDownLatch allCompleted = new CountDownLatch(TASK_COUNT);
        // Every claim, assignment and completion the agents publish from their handlers. Waiting
        // for them all too means no handler is still publishing when the clients close.
        CountDownLatch allSent = new CountDownLatch(TASK_COUNT * WORKERS.size() + 2 * TASK_COUNT);

        try (EventRouterClient manager = connect(url, MANAGER);
                EventRouterClient worker1 = connect(url, WORKERS.get(0));
                EventRouterClient worker2 = connect(url, WORKERS.get(1))) {
            startWorker(worker1, WORKERS.get(0), allSent);
            startWorker(worker2, WORKERS.get(1), allSent);

            // Claims are addressed to the manager; its own assignments go to the workers.
            manager.on("task.assigned", claim -> {
                String taskId = claim.payload().getString("task_id");
                String worker = claim.payload().getString("worker");
                if (assignments.putIfAbsent(taskId, worker) == null) {
                    manager.publish(taskEvent("task.assigned", taskId, worker).target(worker).build());
                    allSent.countDown();
                }
            });
            manager.on("task.completed", done -> {
                completions.add(new Completion(done.payload().getString("task_id"), done.payload().getString("worker")));
                allCompleted.countDown();
            });

            for (int i = 1; i <= TASK_COUNT; i++) {
                manager.publish(taskEvent("task.created", "task-" + i, null).build());
            }

            if (!allCompleted.await(20, TimeUnit.SECONDS) || !allSent.await(20, TimeUnit.SECONDS)) {
                throw new TimeoutException(completions.size() + " of " + TASK_COUNT + " tasks completed, "
                        + allSent.getCount() + " handler publishes outstanding");
            }
        }
        return new Outcome(Map.copyOf(assignments), List.copyOf(completions));
    }

    /** A worker claims every new task and completes the ones the manager assigns to it. */
    private static void startWorker(EventRouterClient worker, String name, CountDownLatch sent) {
        worker.on("task.created", task -> {
            worker.publish(taskEvent("task.assigned", task.payload().getString("task_id"), name).target(MANAGER).build());
            sent.countDown();
        });
        worker.on("task.assigned", assignment -> {
            worker.publish(taskEvent("task.completed", assignment.payload().getString("task_id"), name).target(MANAGER).build());
            sent.countDown();
        });
    }

    private static EventRouterClient connect(String url, String name) {
        return EventRouterClient.create(ClientOptions.builder().url(url).clientName(name).build()).connect();
    }

    private static Event.Builder taskEvent(String type, String taskId, String worker) {
        Map<String, String> payload = worker == null ? Map.of("task_id", taskId) : Map.of("task_id", taskId, "worker", worker);
        return Event.builder(type).type(type).payload(Payloads.toJson(payload));
    }
}
