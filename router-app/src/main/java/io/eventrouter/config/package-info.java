/**
 * The router's one typed, validated configuration and the loader that layers defaults, a
 * properties file, {@code ROUTER_*} environment variables and command-line flags.
 */
package io.eventrouter.config;
