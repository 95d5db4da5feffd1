package io.eventrouter.examples;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Agents sharing work: a manager creates tasks, two workers claim them, each task goes to
 * exactly one worker, and a monitor watches the task traffic and sums it up. The router has no
 * shared (queue-group) subscriptions yet, so the manager arbitrates: first claim wins. Every
 * client is named ({@code ClientOptions.clientName}); claims and assignments are addressed with
 * {@code target}, so only the addressee gets them, while the rest is broadcast.
 *
 * <pre>
 * manager ── task.created   {task_id}          ──► everyone (workers, monitor)
 * worker  ── task.assigned  {task_id, worker}  ──► manager        (a claim: "assign it to me")
 * manager ── task.assigned  {task_id, worker}  ──► that worker    (first claim wins; later ones are ignored)
 * worker  ── task.started   {task_id, worker}  ──► everyone (monitor)
 * worker  ── task.completed {task_id, worker}  ──► everyone (manager, monitor)
 * </pre>
 *
 * <p>The monitor subscribes to {@code task.#} but, like anyone else, receives a targeted event
 * only if it is the target: it sees the broadcast part of the conversation, which is enough to
 * check from the outside that each task was started and completed by one worker.
 *
 * <p>Which worker wins a task depends on timing; that every task is assigned once and completed
 * once does not.
 */
public final class TaskAgents {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final String MANAGER = "task-manager";
    static final String MONITOR = "task-monitor";
    static final List<String> WORKERS = List.of("worker-1", "worker-2");
    static final int TASK_COUNT = 6;

    /** A task a worker finished, as the manager heard of it. */
    public record Completion(String taskId, String worker) {}

    /**
     * What the agents saw.
     *
     * @param assignments who got each task (task id → worker), as the manager decided
     * @param completions the completions in the order the manager heard of them
     * @param monitor the monitor's summary of the traffic it saw
     */
    public record Outcome(Map<String, String> assignments, List<Completion> completions, TaskMonitor.Summary monitor) {}

    private TaskAgents() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Outcome outcome = run(url);
        for (Completion done : outcome.completions()) {
            System.out.printf("%s completed by %s%n", done.taskId(), done.worker());
        }
        System.out.printf("%d tasks, %d completions%n", outcome.assignments().size(), outcome.completions().size());
        System.out.println(outcome.monitor());
    }

    /** Runs the monitor, the manager and the workers until all {@link #TASK_COUNT} tasks are completed. */
    public static Outcome run(String url) throws InterruptedException, TimeoutException {
        Map<String, String> assignments = new ConcurrentHashMap<>();
        List<Completion> completions = new CopyOnWriteArrayList<>();
        CountDownLatch allCompleted = new CountDownLatch(TASK_COUNT);
        // Every claim, assignment, start and completion the agents publish from their handlers.
        // Waiting for them all too means no handler is still publishing when the clients close.
        CountDownLatch allSent = new CountDownLatch(TASK_COUNT * WORKERS.size() + 3 * TASK_COUNT);
        TaskMonitor monitor = new TaskMonitor(TASK_COUNT);

        try (EventRouterClient observer = connect(url, MONITOR);
                EventRouterClient manager = connect(url, MANAGER);
                EventRouterClient worker1 = connect(url, WORKERS.get(0));
                EventRouterClient worker2 = connect(url, WORKERS.get(1))) {
            // "#" matches any number of segments: task.created, task.started, task.completed.
            observer.on("task.#", monitor::observe);
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

            if (!allCompleted.await(20, TimeUnit.SECONDS) || !allSent.await(20, TimeUnit.SECONDS)
                    || !monitor.awaitAllCompleted(Duration.ofSeconds(20))) {
                throw new TimeoutException(completions.size() + " of " + TASK_COUNT + " tasks completed, "
                        + allSent.getCount() + " handler publishes outstanding; monitor: " + monitor.summary());
            }
        }
        return new Outcome(Map.copyOf(assignments), List.copyOf(completions), monitor.summary());
    }

    /**
     * A worker claims every new task and works on the ones the manager assigns to it, announcing
     * when it starts and finishes.
     */
    private static void startWorker(EventRouterClient worker, String name, CountDownLatch sent) {
        worker.on("task.created", task -> {
            worker.publish(taskEvent("task.assigned", task.payload().getString("task_id"), name).target(MANAGER).build());
            sent.countDown();
        });
        worker.on("task.assigned", assignment -> {
            String taskId = assignment.payload().getString("task_id");
            worker.publish(taskEvent("task.started", taskId, name).build());
            sent.countDown();
            worker.publish(taskEvent("task.completed", taskId, name).build());
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
