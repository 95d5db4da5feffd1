package io.eventrouter.protocol;

import static io.eventrouter.protocol.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed client frame is a {@link ProtocolException} with a stable code and a message naming the problem. */
class ProtocolCodecErrorTest {

    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                // the frame itself
                arguments("{'type':", ErrorCode.INVALID_JSON, "Invalid JSON"),
                arguments("not json at all", ErrorCode.INVALID_JSON, "Invalid JSON"),
                arguments("", ErrorCode.INVALID_JSON, "Invalid JSON"),
                arguments("[1,2]", ErrorCode.INVALID_MESSAGE, "got array [1,2]"),
                arguments("42", ErrorCode.INVALID_MESSAGE, "got number 42"),
                arguments("'publish'", ErrorCode.INVALID_MESSAGE, "got string"),
                arguments("null", ErrorCode.INVALID_MESSAGE, "got null"),
                // the message type
                arguments("{}", ErrorCode.MISSING_TYPE, "'type'"),
                arguments("{'type':null}", ErrorCode.MISSING_TYPE, "'type'"),
                arguments("{'event':{'topic':'a'}}", ErrorCode.MISSING_TYPE, "'type'"),
                arguments("{'type':'bogus'}", ErrorCode.UNKNOWN_TYPE, "bogus"),
                arguments("{'type':'PUBLISH'}", ErrorCode.UNKNOWN_TYPE, "PUBLISH"),
                arguments("{'type':5}", ErrorCode.INVALID_FIELD, "'type' must be a string, got number 5"),
                arguments("{'type':['publish']}", ErrorCode.INVALID_FIELD, "'type' must be a string, got array"),
                arguments("{'type':'ping','request_id':7}", ErrorCode.INVALID_FIELD, "'request_id' must be a string"),
                // publish: the event object
                arguments("{'type':'publish'}", ErrorCode.INVALID_MESSAGE, "'event'"),
                arguments("{'type':'publish','event':'x'}", ErrorCode.INVALID_FIELD,
                        "'event' must be an object, got string"),
                arguments("{'type':'publish','event':[]}", ErrorCode.INVALID_FIELD, "'event' must be an object, got array"),
                arguments(publish("{'topic':'a','payload':[1]}"), ErrorCode.INVALID_FIELD,
                        "'event.payload' must be an object, got array"),
                arguments(publish("{'topic':'a','payload':'x'}"), ErrorCode.INVALID_FIELD,
                        "'event.payload' must be an object, got string"),
                arguments(publish("{'topic':'a','metadata':[]}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata' must be an object"),
                arguments(publish("{'topic':5}"), ErrorCode.INVALID_FIELD, "'event.topic' must be a string"),
                arguments(publish("{'topic':'a','id':5}"), ErrorCode.INVALID_FIELD, "'event.id' must be a string"),
                arguments(publish("{'topic':'a','type':true}"), ErrorCode.INVALID_FIELD, "'event.type' must be a string"),
                arguments(publish("{'topic':'a','source':{}}"), ErrorCode.INVALID_FIELD, "'event.source' must be a string"),
                arguments(publish("{'topic':'a','target':1}"), ErrorCode.INVALID_FIELD, "'event.target' must be a string"),
                // publish: priority
                arguments(publish("{'topic':'a','priority':'5'}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer, got string"),
                arguments(publish("{'topic':'a','priority':11}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer from 1 to 10, got 11"),
                arguments(publish("{'topic':'a','priority':0}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer from 1 to 10, got 0"),
                arguments(publish("{'topic':'a','priority':-3}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer from 1 to 10, got -3"),
                arguments(publish("{'topic':'a','priority':5.5}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer, got number 5.5"),
                arguments(publish("{'topic':'a','priority':12345678901234567890}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer"),
                arguments(publish("{'topic':'a','priority':true}"), ErrorCode.INVALID_PRIORITY,
                        "'event.priority' must be an integer, got true"),
                // publish: topic
                arguments(publish("{'topic':''}"), ErrorCode.INVALID_TOPIC, "'event.topic' is required"),
                arguments(publish("{}"), ErrorCode.INVALID_TOPIC, "'event.topic' is required"),
                arguments(publish("{'topic':'','type':''}"), ErrorCode.INVALID_TOPIC, "'event.topic' is required"),
                arguments(publish("{'topic':'a..b'}"), ErrorCode.INVALID_TOPIC, "'event.topic'"),
                arguments(publish("{'topic':'.a'}"), ErrorCode.INVALID_TOPIC, "empty segment"),
                arguments(publish("{'topic':'task.*'}"), ErrorCode.INVALID_TOPIC, "must not contain wildcards"),
                arguments(publish("{'topic':'task.#'}"), ErrorCode.INVALID_TOPIC, "must not contain wildcards"),
                arguments(publish("{'type':'bad..type'}"), ErrorCode.INVALID_TOPIC, "'event.topic'"),
                // publish: metadata maps
                arguments(publish("{'topic':'a','metadata':{'tags':{'k':1}}}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata.tags.k' must be a string, got number 1"),
                arguments(publish("{'topic':'a','metadata':{'headers':{'h':null}}}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata.headers.h' must be a string"),
                arguments(publish("{'topic':'a','metadata':{'tags':['x']}}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata.tags' must be an object"),
                arguments(publish("{'topic':'a','metadata':{'trace_id':1}}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata.trace_id' must be a string"),
                // publish: timestamps
                arguments(publish("{'topic':'a','timestamp':'yesterday'}"), ErrorCode.INVALID_FIELD,
                        "'event.timestamp': 'yesterday' is not an ISO-8601 date-time"),
                arguments(publish("{'topic':'a','timestamp':'2026-13-01T00:00:00'}"), ErrorCode.INVALID_FIELD,
                        "'event.timestamp'"),
                arguments(publish("{'topic':'a','timestamp':1700000000}"), ErrorCode.INVALID_FIELD,
                        "'event.timestamp' must be a string"),
                arguments(publish("{'topic':'a','metadata':{'created_at':'soon'}}"), ErrorCode.INVALID_FIELD,
                        "'event.metadata.created_at': 'soon'"),
                arguments(publish("{'topic':'a','last_delivery_attempt':'never'}"), ErrorCode.INVALID_FIELD,
                        "'event.last_delivery_attempt': 'never'"),
                // publish: delivery bookkeeping
                arguments(publish("{'topic':'a','delivery_status':'lost'}"), ErrorCode.INVALID_FIELD,
                        "'event.delivery_status': unknown delivery_status 'lost'"),
                arguments(publish("{'topic':'a','delivery_status':'PENDING'}"), ErrorCode.INVALID_FIELD,
                        "'event.delivery_status'"),
                arguments(publish("{'topic':'a','delivery_attempts':-1}"), ErrorCode.INVALID_FIELD,
                        "'event.delivery_attempts' must not be negative"),
                arguments(publish("{'topic':'a','delivery_attempts':'2'}"), ErrorCode.INVALID_FIELD,
                        "'event.delivery_attempts' must be an integer"),
                // subscribe
                arguments("{'type':'subscribe','subscription':'task.*'}", ErrorCode.INVALID_FIELD,
                        "'subscription' must be an object"),
                arguments(subscribe("{'topics':'task.*'}"), ErrorCode.INVALID_FIELD,
                        "'subscription.topics' must be an array, got string"),
                arguments(subscribe("{'topics':{}}"), ErrorCode.INVALID_FIELD,
                        "'subscription.topics' must be an array, got object"),
                arguments(subscribe("{'topics':['a',1]}"), ErrorCode.INVALID_FIELD,
                        "'subscription.topics[1]' must be a string, got number 1"),
                arguments(subscribe("{'topics':['a..b']}"), ErrorCode.INVALID_PATTERN,
                        "'subscription.topics': pattern 'a..b' has an empty segment"),
                arguments(subscribe("{'topics':['ta*']}"), ErrorCode.INVALID_PATTERN,
                        "'subscription.topics': pattern 'ta*'"),
                arguments(subscribe("{'topics':['a#']}"), ErrorCode.INVALID_PATTERN,
                        "'subscription.topics': pattern 'a#'"),
                arguments(subscribe("{'topics':['']}"), ErrorCode.INVALID_PATTERN,
                        "'subscription.topics': pattern must be a non-empty string"),
                arguments(subscribe("{'priorities':[5,11]}"), ErrorCode.INVALID_PRIORITY,
                        "'subscription.priorities' must hold integers from 1 to 10, got 11"),
                arguments(subscribe("{'priorities':[0]}"), ErrorCode.INVALID_PRIORITY,
                        "'subscription.priorities' must hold integers from 1 to 10, got 0"),
                arguments(subscribe("{'priorities':['7']}"), ErrorCode.INVALID_PRIORITY,
                        "'subscription.priorities[0]' must be an integer, got string"),
                arguments(subscribe("{'priorities':[7.5]}"), ErrorCode.INVALID_PRIORITY,
                        "'subscription.priorities[0]' must be an integer, got number 7.5"),
                arguments(subscribe("{'priorities':7}"), ErrorCode.INVALID_FIELD,
                        "'subscription.priorities' must be an array"),
                arguments(subscribe("{'types':[null]}"), ErrorCode.INVALID_FIELD,
                        "'subscription.types[0]' must be a string, got null"),
                arguments(subscribe("{'sources':'a'}"), ErrorCode.INVALID_FIELD,
                        "'subscription.sources' must be an array"),
                arguments(subscribe("{'id':''}"), ErrorCode.INVALID_FIELD, "'subscription.id' must not be empty"),
                arguments(subscribe("{'id':3}"), ErrorCode.INVALID_FIELD, "'subscription.id' must be a string"),
                // unsubscribe and identify
                arguments("{'type':'unsubscribe'}", ErrorCode.INVALID_FIELD, "'subscription_id' is required"),
                arguments("{'type':'unsubscribe','subscription_id':''}", ErrorCode.INVALID_FIELD,
                        "'subscription_id' is required"),
                arguments("{'type':'unsubscribe','subscription_id':12}", ErrorCode.INVALID_FIELD,
                        "'subscription_id' must be a string, got number 12"),
                arguments("{'type':'identify'}", ErrorCode.INVALID_FIELD, "'client_name' is required"),
                arguments("{'type':'identify','client_name':''}", ErrorCode.INVALID_FIELD, "'client_name' is required"),
                arguments("{'type':'identify','client_name':false}", ErrorCode.INVALID_FIELD,
                        "'client_name' must be a string"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("malformedFrames")
    void shouldRejectMalformedFrameWithCodeAndMessageNamingTheProblem(String frame, ErrorCode code, String fragment) {
        assertThatExceptionOfType(ProtocolException.class)
                .isThrownBy(() -> ProtocolCodec.decodeClientMessage(json(frame)))
                .withMessageContaining(fragment)
                .satisfies(problem -> assertThat(problem.code()).isEqualTo(code));
    }

    static Stream<Arguments> malformedServerFrames() {
        return Stream.of(
                arguments("{'type':", ErrorCode.INVALID_JSON, "Invalid JSON"),
                arguments("[1]", ErrorCode.INVALID_MESSAGE, "got array"),
                arguments("{}", ErrorCode.MISSING_TYPE, "'type'"),
                arguments("{'type':'nope'}", ErrorCode.UNKNOWN_TYPE, "nope"),
                arguments("{'type':'welcome'}", ErrorCode.INVALID_FIELD, "'client_id' is required"),
                arguments("{'type':'welcome','client_id':'c','server_time':'noon'}", ErrorCode.INVALID_FIELD,
                        "'server_time': 'noon'"),
                arguments("{'type':'event'}", ErrorCode.INVALID_MESSAGE, "'event'"),
                arguments("{'type':'event','event':{'topic':'a','priority':11}}", ErrorCode.INVALID_PRIORITY,
                        "'event.priority'"),
                arguments("{'type':'published','event_id':'e'}", ErrorCode.INVALID_FIELD, "'status' is required"),
                arguments("{'type':'subscribed','subscription_id':'s','topics':[1]}", ErrorCode.INVALID_FIELD,
                        "'topics[0]' must be a string"),
                arguments("{'type':'pong','timestamp':'later'}", ErrorCode.INVALID_FIELD, "'timestamp': 'later'"),
                arguments("{'type':'health'}", ErrorCode.INVALID_MESSAGE, "'health'"),
                arguments("{'type':'health','health':{'uptime':'long'}}", ErrorCode.INVALID_FIELD,
                        "'health.uptime' must be a number, got string"),
                arguments("{'type':'health','health':{'events_processed':'5'}}", ErrorCode.INVALID_FIELD,
                        "'health.events_processed' must be a number, got string"),
                arguments("{'type':'health','health':{'connected_clients':[]}}", ErrorCode.INVALID_FIELD,
                        "'health.connected_clients' must be a number, got array"),
                arguments("{'type':'health','health':{'status':1}}", ErrorCode.INVALID_FIELD,
                        "'health.status' must be a string"),
                arguments("{'type':'health','health':{'errors':'none'}}", ErrorCode.INVALID_FIELD,
                        "'health.errors' must be an array"),
                arguments("{'type':'identified','client_id':'c'}", ErrorCode.INVALID_FIELD,
                        "'client_name' is required"),
                arguments("{'type':'error'}", ErrorCode.INVALID_FIELD, "'error' is required"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("malformedServerFrames")
    void shouldRejectMalformedServerFrameWithCodeAndMessage(String frame, ErrorCode code, String fragment) {
        assertThatExceptionOfType(ProtocolException.class)
                .isThrownBy(() -> ProtocolCodec.decodeServerMessage(json(frame)))
                .withMessageContaining(fragment)
                .satisfies(problem -> assertThat(problem.code()).isEqualTo(code));
    }

    static Stream<Arguments> malformedFramesWithRequestId() {
        return Stream.of(
                arguments("{'type':'bogus','request_id':'r1'}", ErrorCode.UNKNOWN_TYPE),
                arguments("{'type':'publish','request_id':'r1','event':{'topic':'a','priority':11}}",
                        ErrorCode.INVALID_PRIORITY),
                arguments("{'type':'publish','request_id':'r1','event':{'topic':'a','metadata':{'tags':{'k':1}}}}",
                        ErrorCode.INVALID_FIELD),
                arguments("{'type':'subscribe','request_id':'r1','subscription':{'topics':['a..b']}}",
                        ErrorCode.INVALID_PATTERN),
                arguments("{'request_id':'r1'}", ErrorCode.MISSING_TYPE),
                arguments("{'type':'unsubscribe','request_id':'r1'}", ErrorCode.INVALID_FIELD));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedFramesWithRequestId")
    void shouldCarryTheRequestIdOfTheOffendingFrame(String frame, ErrorCode code) {
        assertThatExceptionOfType(ProtocolException.class)
                .isThrownBy(() -> ProtocolCodec.decodeClientMessage(json(frame)))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo(code);
                    assertThat(problem.requestId()).isEqualTo("r1");
                });
    }

    @Test
    void shouldHaveNoRequestIdWhenTheFrameCouldNotBeRead() {
        assertThatExceptionOfType(ProtocolException.class)
                .isThrownBy(() -> ProtocolCodec.decodeClientMessage("{\"request_id\":\"r1\","))
                .satisfies(problem -> assertThat(problem.requestId()).isNull());
    }

    @Test
    void shouldEchoTheRequestIdAndCodeOnTheErrorReply() throws ProtocolException {
        ProtocolException problem = decodeFailure(
                json("{'type':'publish','request_id':'r7','event':{'topic':'a','priority':0}}"));

        ServerMessage reply = ProtocolCodec.decodeServerMessage(ProtocolCodec.encode(ServerMessage.Error.of(problem)));

        assertThat(reply).isInstanceOfSatisfying(ServerMessage.Error.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_PRIORITY);
            assertThat(error.error()).isEqualTo(problem.getMessage());
            assertThat(error.requestId()).isEqualTo("r7");
        });
    }

    private static ProtocolException decodeFailure(String frame) {
        try {
            ClientMessage unexpected = ProtocolCodec.decodeClientMessage(frame);
            throw new AssertionError("expected a ProtocolException, decoded " + unexpected);
        } catch (ProtocolException e) {
            return e;
        }
    }

    private static String publish(String event) {
        return "{'type':'publish','event':" + event + "}";
    }

    private static String subscribe(String subscription) {
        return "{'type':'subscribe','subscription':" + subscription + "}";
    }
}
