/**
 * Client internals (connection, reconnection, buffering, handler dispatch); not API, may change
 * without notice.
 */
package io.eventrouter.client.internal;
