/**
 * The embedded server: Weld SE for CDI plus Jetty 12 serving the WebSocket endpoint. The one
 * entry point is {@link io.eventrouter.server.RouterServer#create}.
 */
package io.eventrouter.server;
