package io.eventrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventrouter.examples.TaskAgents.Completion;
import io.eventrouter.it.TestRouter;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.Priority;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs each example against a real router, as the README tells people to. */
class ClientExamplesTest {
    private TestRouter router;

    @BeforeEach
    void start() {
        router = TestRouter.start();
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void basicPubSubShouldDeliverEveryTaskEventInOrder() throws Exception {
        List<Event> received = BasicPubSub.run(router.url());

        assertThat(received).extracting(Event::topic).containsExactlyElementsOf(BasicPubSub.TOPICS);
        assertThat(received).extracting(Event::type).containsExactlyElementsOf(BasicPubSub.TOPICS);
        assertThat(received).allSatisfy(event -> assertThat(event.payload().getString("task_id")).isEqualTo("42"));
    }

    @Test
    void taskAgentsShouldCompleteEveryTaskExactlyOnceByItsAssignee() throws Exception {
        TaskAgents.Outcome outcome = TaskAgents.run(router.url());

        List<String> tasks = IntStream.rangeClosed(1, TaskAgents.TASK_COUNT).mapToObj(i -> "task-" + i).toList();
        assertThat(outcome.assignments()).containsOnlyKeys(tasks);
        assertThat(outcome.assignments().values()).allSatisfy(worker -> assertThat(TaskAgents.WORKERS).contains(worker));
        assertThat(outcome.completions()).extracting(Completion::taskId).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(outcome.completions()).allSatisfy(done ->
                assertThat(done.worker()).isEqualTo(outcome.assignments().get(done.taskId())));
    }

    @Test
    void taskMonitorShouldSeeEveryBroadcastTaskEventAndAgreeWithTheManager() throws Exception {
        TaskAgents.Outcome outcome = TaskAgents.run(router.url());

        TaskMonitor.Summary monitor = outcome.monitor();
        assertThat(monitor.problems()).isEmpty();
        // Claims and assignments are targeted, so the monitor never receives task.assigned.
        assertThat(monitor.eventsByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "task.created", TaskAgents.TASK_COUNT, "task.started", TaskAgents.TASK_COUNT,
                "task.completed", TaskAgents.TASK_COUNT));
        assertThat(monitor.startedBy()).isEqualTo(outcome.assignments());
        assertThat(monitor.completedBy()).isEqualTo(outcome.assignments());
        assertThat(monitor.completedPerWorker().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(TaskAgents.TASK_COUNT);
    }

    @Test
    void testClientShouldGetBackEveryEventItPublishedAndReadHealth() throws Exception {
        List<Event> printed = new CopyOnWriteArrayList<>();
        TestClient.Report report = TestClient.run(router.url(), printed::add);

        assertThat(report.received()).extracting(Event::topic, Event::type, Event::priority)
                .containsExactlyInAnyOrderElementsOf(TestClient.SAMPLES.stream()
                        .map(sample -> tuple(sample.topic(), sample.type(), sample.priority())).toList());
        assertThat(report.received()).allSatisfy(event -> assertThat(event.source()).isEqualTo(report.clientId()));
        assertThat(printed).containsExactlyElementsOf(report.received());
        assertThat(report.roundTrip()).isPositive();
        assertThat(report.health().status()).isEqualTo(Health.HEALTHY);
        assertThat(report.health().connectedClients()).isEqualTo(1);
        assertThat(report.health().activeSubscriptions()).isEqualTo(1);
        assertThat(report.health().eventsProcessed()).isEqualTo(TestClient.SAMPLES.size());
    }

    @Test
    void simpleResponderShouldAnswerByTopicWildcardPriorityAndChain() throws Exception {
        SimpleResponder.Answers answers = SimpleResponder.run(router.url());

        assertThat(answers.sum().payload().getInt("sum")).isEqualTo(5);
        assertThat(answers.sum().metadata().correlationId()).isNotBlank();
        assertThat(answers.greetings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("en", "Hello, Ada!", "fr", "Bonjour, Ada!", "de", "Hallo, Ada!"));
        assertThat(answers.unknownLanguage()).contains("no greeting in language 'xx'");

        assertThat(answers.urgentTicket().payload().getString("queue")).isEqualTo("on-call");
        assertThat(answers.urgentTicket().payload().getInt("answer_within_minutes")).isEqualTo(SimpleResponder.ON_CALL_MINUTES);
        assertThat(answers.urgentTicket().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(answers.routineTicket().payload().getString("queue")).isEqualTo("backlog");
        assertThat(answers.routineTicket().priority()).isEqualTo(Priority.LOW);

        assertThat(answers.quote().payload().getInt("total_cents")).isEqualTo(4 * SimpleResponder.PRICES_IN_CENTS.get("widget"));
        assertThat(answers.confirmation().payload().getString("quote_id")).isEqualTo(answers.quote().payload().getString("quote_id"));
        assertThat(answers.confirmation().payload().getInt("total_cents")).isEqualTo(answers.quote().payload().getInt("total_cents"));
        // The quote's reply caused the confirmation request, which caused the confirmation.
        assertThat(answers.confirmRequest().metadata().causationId()).isEqualTo(answers.quote().id());
        assertThat(answers.confirmation().metadata().causationId()).isEqualTo(answers.confirmRequest().id());
    }

    @Test
    void priorityFilterShouldDeliverOnlyHighAndCriticalAlerts() throws Exception {
        List<Event> received = PriorityFilter.run(router.url());

        assertThat(received).extracting(Event::priority).containsExactlyInAnyOrder(Priority.HIGH, Priority.CRITICAL);
        assertThat(received).extracting(event -> event.payload().getString("message"))
                .containsExactlyInAnyOrder("disk 95% full", "database unreachable");
    }

    @Test
    void responseChainShouldCombineTheEstimateIntoThePlan() throws Exception {
        ResponseChain.Trace trace = ResponseChain.run(router.url());

        Event reply = trace.reply();
        assertThat(reply.payload().getString("goal")).isEqualTo("release 1.0");
        assertThat(reply.payload().getJsonArray("steps")).hasSize(ResponseChain.STEPS.size());
        assertThat(reply.payload().getInt("hours")).isEqualTo(ResponseChain.STEPS.size() * ResponseChain.HOURS_PER_STEP);

        // Each reply repeats its request's correlation id and names the request as its cause.
        assertThat(reply.metadata().correlationId()).isEqualTo(trace.planRequest().metadata().correlationId());
        assertThat(reply.metadata().causationId()).isEqualTo(trace.planRequest().id());
        assertThat(trace.estimateReply().metadata().correlationId())
                .isEqualTo(trace.estimateRequest().metadata().correlationId());
        assertThat(trace.estimateReply().metadata().causationId()).isEqualTo(trace.estimateRequest().id());
        assertThat(trace.estimateRequest().metadata().correlationId())
                .isNotEqualTo(trace.planRequest().metadata().correlationId());
        // The inner request points back at the outer one, and the trace id runs through it all.
        assertThat(trace.estimateRequest().metadata().causationId()).isEqualTo(trace.planRequest().id());
        assertThat(reply.metadata().traceId()).isNotNull().isEqualTo(trace.planRequest().metadata().traceId())
                .isEqualTo(trace.estimateRequest().metadata().traceId())
                .isEqualTo(trace.estimateReply().metadata().traceId());
    }

    @Test
    void loadTestShouldDeliverEveryEventToEverySubscriberOnce() throws Exception {
        LoadTest.Plan plan = new LoadTest.Plan(2, 3, 3000);

        LoadTest.Result result = LoadTest.run(router.url(), plan);

        assertThat(result.queued()).isEqualTo(plan.events());
        assertThat(result.dropped()).isZero();
        assertThat(result.receivedPerSubscriber()).containsExactly(plan.events(), plan.events(), plan.events());
        assertThat(result.duplicates()).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(result.publishedPerSecond()).isPositive();
        assertThat(result.deliveredPerSecond()).isPositive();
    }
}
