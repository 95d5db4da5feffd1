/**
 * Arquillian tests: the servlet WAR deployed on embedded Jetty 12.0 (ee10) and driven from
 * outside by the Java client and HTTP. Run by their own failsafe execution, whose class path
 * holds Jetty 12.0 and the adapter instead of this module's Jetty 12.1.
 */
package io.eventrouter.it.arquillian;
