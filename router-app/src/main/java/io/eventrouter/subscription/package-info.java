/**
 * Finding who wants a topic without scanning every subscription: exact topics by hash lookup,
 * wildcard patterns ({@code *}, {@code #}) by a segment trie.
 */
package io.eventrouter.subscription;
