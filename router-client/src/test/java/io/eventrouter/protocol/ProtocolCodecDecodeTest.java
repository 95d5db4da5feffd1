package io.eventrouter.protocol;

import static io.eventrouter.protocol.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of well-formed client frames, and the defaults the protocol fills in. */
class ProtocolCodecDecodeTest {
    private static final Instant T = Instant.parse("2026-11-27T04:10:41.123456Z");

    @Test
    void shouldKeepAVersionOtherThanTheProtocolsAsSent() throws ProtocolException {
        Event event = ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(
                json("{'type':'publish','event':{'topic':'t.x','type':'t.x','version':'2.1'}}"))).event();

        assertThat(event.version()).isEqualTo("2.1");
        assertThat(ProtocolCodec.encodeEvent(event)).contains("\"version\":\"2.1\"");
    }

    @Test
    void shouldDecodePublishWithEveryEventField() throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json("{'type':'publish','request_id':'r1','event':{"
                + "'id':'e1','topic':'task.created','type':'task.created','priority':7,'source':'agent-1',"
                + "'target':'agent-2','payload':{'n':1,'list':[1,'a',null]},"
                + "'metadata':{'created_at':'2026-11-27T04:10:40.000001+00:00','correlation_id':'c1',"
                + "'causation_id':'c0','user_id':'u1','session_id':'s1','trace_id':'t1','span_id':'sp1',"
                + "'tags':{'env':'test'},'headers':{'x-h':'v'}},"
                + "'timestamp':'2026-11-27T04:10:41.123456+00:00','version':'1.0','delivery_status':'retrying',"
                + "'delivery_attempts':2,'last_delivery_attempt':'2026-11-27T04:10:42.5+00:00','delivery_error':'boom'}}"));

        assertThat(message).isInstanceOf(ClientMessage.Publish.class);
        assertThat(message.type()).isEqualTo("publish");
        assertThat(message.requestId()).isEqualTo("r1");
        Event event = ((ClientMessage.Publish) message).event();
        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.topic()).isEqualTo("task.created");
        assertThat(event.type()).isEqualTo("task.created");
        assertThat(event.priority()).isEqualTo(7);
        assertThat(event.source()).isEqualTo("agent-1");
        assertThat(event.target()).isEqualTo("agent-2");
        assertThat(event.payload()).isEqualTo(Json.createObjectBuilder().add("n", 1)
                .add("list", Json.createArrayBuilder().add(1).add("a").addNull()).build());
        assertThat(event.metadata()).isEqualTo(new EventMetadata(Instant.parse("2026-11-27T04:10:40.000001Z"),
                "c1", "c0", "u1", "s1", "t1", "sp1", Map.of("env", "test"), Map.of("x-h", "v")));
        assertThat(event.timestamp()).isEqualTo(T);
        assertThat(event.version()).isEqualTo("1.0").isSameAs(Event.PROTOCOL_VERSION);
        assertThat(event.deliveryStatus()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(event.deliveryAttempts()).isEqualTo(2);
        assertThat(event.lastDeliveryAttempt()).isEqualTo(Instant.parse("2026-11-27T04:10:42.500Z"));
        assertThat(event.deliveryError()).isEqualTo("boom");
    }

    @Test
    void shouldDecodeSubscribeWithEveryFilter() throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json("{'type':'subscribe','request_id':'r2',"
                + "'subscription':{'id':'mine','topics':['task.*','#.failed'],'types':['task.failed'],"
                + "'priorities':[7,9],'sources':['agent-1']}}"));

        assertThat(message).isEqualTo(new ClientMessage.Subscribe(new SubscriptionSpec("mine",
                List.of("task.*", "#.failed"), List.of("task.failed"), List.of(7, 9), List.of("agent-1")), "r2"));
        assertThat(message.type()).isEqualTo("subscribe");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{'type':'subscribe'}",
        "{'type':'subscribe','subscription':null}",
        "{'type':'subscribe','subscription':{}}",
        "{'type':'subscribe','subscription':{'topics':[]}}",
        "{'type':'subscribe','subscription':{'topics':null,'types':null,'priorities':null,'sources':null}}",
    })
    void shouldSubscribeToEverythingWhenNoTopicsAreGiven(String frame) throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json(frame));

        assertThat(message).isEqualTo(new ClientMessage.Subscribe(
                new SubscriptionSpec(null, List.of("*"), List.of(), List.of(), List.of()), null));
    }

    @Test
    void shouldDecodeUnsubscribe() throws ProtocolException {
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'unsubscribe','subscription_id':'s-1','request_id':'r3'}")))
                .isEqualTo(new ClientMessage.Unsubscribe("s-1", "r3"));
    }

    @Test
    void shouldDecodePingWithAnyEchoValue() throws ProtocolException {
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'ping','echo':{'seq':3,'tags':['a']},'request_id':'r4'}")))
                .isEqualTo(new ClientMessage.Ping(Json.createObjectBuilder().add("seq", 3)
                        .add("tags", Json.createArrayBuilder().add("a")).build(), "r4"));
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'ping','echo':'hello'}")))
                .isEqualTo(new ClientMessage.Ping(Json.createValue("hello"), null));
    }

    @Test
    void shouldDecodePingWithoutEchoAsNullEcho() throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json("{'type':'ping'}"));

        assertThat(message).isEqualTo(new ClientMessage.Ping(JsonValue.NULL, null));
    }

    @Test
    void shouldDecodeGetHealth() throws ProtocolException {
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'get_health','request_id':'r5'}")))
                .isEqualTo(new ClientMessage.GetHealth("r5"));
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'get_health'}")))
                .isEqualTo(new ClientMessage.GetHealth(null));
    }

    @Test
    void shouldDecodeIdentify() throws ProtocolException {
        assertThat(ProtocolCodec.decodeClientMessage(json("{'type':'identify','client_name':'worker-7','request_id':'r6'}")))
                .isEqualTo(new ClientMessage.Identify("worker-7", "r6"));
    }

    @Test
    void shouldIgnoreUnknownKeysOnEnvelopeAndEvent() throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json(
                "{'type':'publish','future':1,'event':{'topic':'a.b','colour':'blue'}}"));

        assertThat(((ClientMessage.Publish) message).event().topic()).isEqualTo("a.b");
    }

    @Test
    void shouldFillInDefaultsForAMinimalEvent() throws ProtocolException {
        Instant before = Instant.now();
        Event event = publishedEvent("{'topic':'task.created'}");
        Instant after = Instant.now();

        assertThat(UUID.fromString(event.id()).toString()).isEqualTo(event.id());
        assertThat(event.type()).isEqualTo(EventTypes.CUSTOM);
        assertThat(event.priority()).isEqualTo(Priority.NORMAL);
        assertThat(event.source()).isEmpty();
        assertThat(event.target()).isNull();
        assertThat(event.payload()).isEmpty();
        assertThat(event.timestamp()).isBetween(before, after);
        assertThat(event.metadata()).isEqualTo(EventMetadata.createdAt(event.timestamp()));
        assertThat(event.version()).isEqualTo(Event.PROTOCOL_VERSION);
        assertThat(event.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(event.deliveryAttempts()).isZero();
        assertThat(event.lastDeliveryAttempt()).isNull();
        assertThat(event.deliveryError()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'topic':'a'}", "{'topic':'a','id':''}", "{'topic':'a','id':null}"})
    void shouldGenerateADistinctEventIdWhenMissingOrEmpty(String event) throws ProtocolException {
        String first = publishedEvent(event).id();
        String second = publishedEvent(event).id();

        assertThat(first).isNotEmpty().isNotEqualTo(second);
        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'topic':'a','type':''}", "{'topic':'a','type':null}", "{'topic':'a'}"})
    void shouldDefaultTypeToCustom(String event) throws ProtocolException {
        assertThat(publishedEvent(event).type()).isEqualTo("custom");
    }

    @Test
    void shouldKeepNonStandardTypeAsSent() throws ProtocolException {
        assertThat(publishedEvent("{'topic':'a','type':'my.own.type'}").type()).isEqualTo("my.own.type");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'type':'task.failed','topic':''}", "{'type':'task.failed'}",
        "{'type':'task.failed','topic':null}"})
    void shouldUseTypeAsTopicWhenTopicIsEmpty(String event) throws ProtocolException {
        Event decoded = publishedEvent(event);

        assertThat(decoded.topic()).isEqualTo("task.failed");
        assertThat(decoded.type()).isEqualTo("task.failed");
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {1, 3, 5, 7, 9, 10})
    void shouldAcceptEveryPriorityFromOneToTen(int priority) throws ProtocolException {
        assertThat(publishedEvent("{'topic':'a','priority':" + priority + "}").priority()).isEqualTo(priority);
    }

    @Test
    void shouldDefaultPriorityToNormalWhenNull() throws ProtocolException {
        assertThat(publishedEvent("{'topic':'a','priority':null}").priority()).isEqualTo(5);
    }

    @Test
    void shouldFillMetadataCreatedAtFromTheEventTimestamp() throws ProtocolException {
        Event withoutMetadata = publishedEvent("{'topic':'a','timestamp':'2026-11-27T04:10:41.123456+00:00'}");
        Event withoutCreatedAt = publishedEvent("{'topic':'a','timestamp':'2026-11-27T04:10:41.123456+00:00',"
                + "'metadata':{'trace_id':'t'}}");

        assertThat(withoutMetadata.metadata().createdAt()).isEqualTo(T);
        assertThat(withoutCreatedAt.metadata().createdAt()).isEqualTo(T);
        assertThat(withoutCreatedAt.metadata().traceId()).isEqualTo("t");
        assertThat(withoutCreatedAt.metadata().tags()).isEmpty();
        assertThat(withoutCreatedAt.metadata().headers()).isEmpty();
    }

    @Test
    void shouldFillMissingTimestampAndCreatedAtWithTheSameInstant() throws ProtocolException {
        Instant before = Instant.now();
        Event event = publishedEvent("{'topic':'a','metadata':{'user_id':'u'}}");
        Instant after = Instant.now();

        assertThat(event.timestamp()).isBetween(before, after);
        assertThat(event.metadata().createdAt()).isEqualTo(event.timestamp());
    }

    @Test
    void shouldTreatEmptyTargetAsNoTarget() throws ProtocolException {
        assertThat(publishedEvent("{'topic':'a','target':''}").target()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pending", "delivered", "failed", "retrying", "dead_letter"})
    void shouldReadEveryDeliveryStatus(String wire) throws ProtocolException {
        Event event = publishedEvent("{'topic':'a','delivery_status':'" + wire + "'}");

        assertThat(event.deliveryStatus().wireName()).isEqualTo(wire);
    }

    @Test
    void shouldDecodeEventObjectAlone() throws ProtocolException {
        Event event = ProtocolCodec.decodeEvent(Frames.parse(json("{'topic':'x.y','priority':9}")));

        assertThat(event.topic()).isEqualTo("x.y");
        assertThat(event.priority()).isEqualTo(9);
    }

    @Test
    void shouldDecodeAHealthReplyWithNullOrMissingFiguresAsZero() throws ProtocolException {
        ServerMessage message = ProtocolCodec.decodeServerMessage(json("{'type':'health','request_id':'r1',"
                + "'health':{'status':'healthy','uptime':null,'events_processed':null,'last_event_at':null}}"));

        assertThat(message).isEqualTo(new ServerMessage.HealthReport(
                new Health("healthy", 0.0, 0, 0, 0, 0, 0, null, List.of()), null, "r1"));
    }

    private static Event publishedEvent(String event) throws ProtocolException {
        ClientMessage message = ProtocolCodec.decodeClientMessage(json("{'type':'publish','event':" + event + "}"));
        assertThat(message).isInstanceOf(ClientMessage.Publish.class);
        return ((ClientMessage.Publish) message).event();
    }
}
