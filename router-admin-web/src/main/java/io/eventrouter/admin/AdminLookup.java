package io.eventrouter.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;

/** Finds the {@link RouterAdmin} bean for servlets a container created with their no-arg constructor. */
final class AdminLookup {
    private AdminLookup() {}

    static RouterAdmin fromCdi(Class<?> servlet) throws ServletException {
        try {
            return CDI.current().select(RouterAdmin.class).get();
        } catch (RuntimeException e) {
            throw new ServletException("Unable to find a RouterAdmin bean for " + servlet.getSimpleName(), e);
        }
    }
}
