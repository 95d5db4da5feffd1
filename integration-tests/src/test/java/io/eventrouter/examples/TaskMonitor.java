package io.eventrouter.examples;

import io.eventrouter.protocol.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The monitor agent of {@link TaskAgents}: it only listens, to every task event it receives,
 * and keeps a tally that shows from the outside whether the workers shared the tasks properly.
 * One subscription's events reach its handler one at a time, but the summary is read from
 * another thread, hence the locking.
 */
public final class TaskMonitor {
    /**
     * The tally.
     *
     * @param eventsByType how many events of each type the monitor received
     * @param startedBy task id → worker, from {@code task.started}
     * @param completedBy task id → worker, from {@code task.completed}
     * @param problems anything that contradicts "one worker per task": a task started twice,
     *     completed by another worker than the one that started it, or completed twice
     */
    public record Summary(Map<String, Integer> eventsByType, Map<String, String> startedBy, Map<String, String> completedBy,
            List<String> problems) {

        /** Tasks completed per worker. */
        public Map<String, Integer> completedPerWorker() {
            Map<String, Integer> perWorker = new TreeMap<>();
            completedBy.values().forEach(worker -> perWorker.merge(worker, 1, Integer::sum));
            return perWorker;
        }

        @Override
        public String toString() {
            return "monitor saw " + eventsByType + "; completed per worker " + completedPerWorker() + "; "
                    + (problems.isEmpty() ? "no problems" : "problems: " + problems);
        }
    }

    private final Map<String, Integer> eventsByType = new TreeMap<>();
    private final Map<String, String> startedBy = new TreeMap<>();
    private final Map<String, String> completedBy = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final CountDownLatch allCompleted;

    TaskMonitor(int expectedTasks) {
        this.allCompleted = new CountDownLatch(expectedTasks);
    }

    /** The handler of the monitor's subscription. */
    synchronized void observe(Event event) {
        eventsByType.merge(event.type(), 1, Integer::sum);
        String taskId = event.payload().getString("task_id");
        String worker = event.payload().getString("worker", null);
        switch (event.type()) {
            case "task.started" -> {
                String earlier = startedBy.putIfAbsent(taskId, worker);
                if (earlier != null) {
                    problems.add(taskId + " started by " + earlier + " and again by " + worker);
                }
            }
            case "task.completed" -> {
                if (!worker.equals(startedBy.get(taskId))) {
                    problems.add(taskId + " completed by " + worker + " but started by " + startedBy.get(taskId));
                }
                if (completedBy.putIfAbsent(taskId, worker) != null) {
                    problems.add(taskId + " completed twice");
                } else {
                    allCompleted.countDown();
                }
            }
            default -> {
                // task.created, and anything else on task.#: counted above.
            }
        }
    }

    boolean awaitAllCompleted(Duration timeout) throws InterruptedException {
        return allCompleted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized Summary summary() {
        return new Summary(sorted(eventsByType), sorted(startedBy), sorted(completedBy), List.copyOf(problems));
    }

    /** A copy that prints in key order. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
