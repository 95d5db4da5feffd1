/**
 * The servlet WAR on embedded Tomcat 11. Run by a failsafe execution of its own, whose class
 * path holds Tomcat and neither Jetty nor the embedded router.
 */
package io.eventrouter.it.tomcat;
