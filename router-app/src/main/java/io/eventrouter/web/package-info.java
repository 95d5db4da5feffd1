/**
 * What only the WAR needs on a Jakarta EE server: the configuration read from the servlet
 * context and the environment. The servlets are mapped in {@code WEB-INF/web.xml}; the
 * endpoint deploys from its annotations.
 */
package io.eventrouter.web;
