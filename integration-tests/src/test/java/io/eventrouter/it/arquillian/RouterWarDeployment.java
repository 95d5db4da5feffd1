package io.eventrouter.it.arquillian;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every Arquillian test uses: router-app's {@code event-router-servlet.war}
 * exactly as built, the WAR an operator drops into a servlet-only container. Renamed to
 * {@code router.war} only so that it is served at {@code /router}.
 */
public final class RouterWarDeployment {
    /** System property naming the built WAR; failsafe sets it, the default suits the module directory. */
    public static final String WAR_PROPERTY = "router.servlet.war";

    private RouterWarDeployment() {}

    public static WebArchive servletWar() {
        Path war = Path.of(System.getProperty(WAR_PROPERTY, "../router-app/target/event-router-servlet.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("No servlet WAR at " + war.toAbsolutePath()
                    + ": build router-app first (./mvnw -B verify from the repository root)");
        }
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
        return ShrinkWrap.create(WebArchive.class, "router.war").merge(built);
    }
}
