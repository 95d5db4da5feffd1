/**
 * The admin side of the router: the small interface the admin API needs from a router
 * ({@link io.eventrouter.admin.RouterAdmin}), the JSON API, health probe and metrics servlets
 * ({@link io.eventrouter.admin.AdminServlets} lists them), and the static admin page. Never
 * imports router internals.
 */
package io.eventrouter.admin;
