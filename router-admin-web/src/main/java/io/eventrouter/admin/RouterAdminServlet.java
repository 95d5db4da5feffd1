package io.eventrouter.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.util.Objects;

/**
 * Base of the admin servlets: holds the {@link RouterAdmin} they serve. Embedded, it is passed
 * in; in a container (which creates servlets itself), it is looked up in CDI on init.
 */
abstract class RouterAdminServlet extends HttpServlet {
    private transient RouterAdmin admin;

    /** For containers: the router is looked up in CDI on {@link #init()}. */
    protected RouterAdminServlet() {}

    /** For embedded use, with the router at hand. */
    protected RouterAdminServlet(RouterAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public void init() throws ServletException {
        if (admin == null) {
            admin = AdminLookup.fromCdi(getClass());
        }
    }

    protected RouterAdmin admin() {
        return admin;
    }
}
