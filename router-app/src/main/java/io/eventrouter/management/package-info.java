/**
 * Managing a running router: the Prometheus meter registry the router's meters live in.
 */
package io.eventrouter.management;
