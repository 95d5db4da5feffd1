package io.eventrouter.client;

import io.eventrouter.protocol.Event;

/**
 * Answers a request. The returned value (a {@code JsonObject}, a {@code Map} or any object
 * JSON-B can bind) becomes the payload of the reply; returning null sends no reply.
 */
@FunctionalInterface
public interface Responder {
    Object respond(Event request) throws Exception;
}
