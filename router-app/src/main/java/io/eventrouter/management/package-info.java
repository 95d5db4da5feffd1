/**
 * Managing a running router: the {@link io.eventrouter.admin.RouterAdmin} the admin API uses
 * (health, stats, clients, configuration changed at run time and saved in the data directory)
 * and the Prometheus meter registry.
 */
package io.eventrouter.management;
