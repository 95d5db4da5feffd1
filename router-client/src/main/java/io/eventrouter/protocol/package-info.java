/**
 * The Event Router wire protocol: immutable events, client and server messages, topic
 * patterns and the JSON codec shared by the server and the Java client.
 */
package io.eventrouter.protocol;
