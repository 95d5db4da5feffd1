/**
 * What only the WAR needs on a Jakarta EE server: the configuration read from the servlet
 * context and the environment, and the endpoint's extra paths. The servlets are mapped in
 * {@code WEB-INF/web.xml}.
 */
package io.eventrouter.web;
