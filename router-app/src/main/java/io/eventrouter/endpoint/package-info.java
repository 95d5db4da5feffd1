/**
 * The WebSocket endpoint: decodes frames, hands them to the router and encodes the replies.
 * Nothing else lives here.
 */
package io.eventrouter.endpoint;
