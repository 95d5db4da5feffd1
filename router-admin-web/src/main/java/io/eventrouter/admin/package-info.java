/**
 * The admin side of the router: the small interface the admin API needs from a router
 * ({@link io.eventrouter.admin.RouterAdmin}), the JSON API and health/metrics servlets, and the
 * static admin page. Never imports router internals.
 */
package io.eventrouter.admin;
