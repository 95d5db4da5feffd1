package io.eventrouter.it.arquillian;

import io.eventrouter.it.war.DeployedRouter;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test class shares: the servlet WAR deployed on embedded Jetty, reached
 * from outside as a client would, and a topic segment of each test's own so no test sees
 * another's events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWarTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @ArquillianResource
    private URL contextRoot;

    DeployedRouter router;
    String root;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RouterWarDeployment.servletWar();
    }

    @BeforeEach
    void connectToDeployment() {
        router = DeployedRouter.at(contextRoot);
        root = "t" + UUID.randomUUID().toString().replace("-", "");
    }
}
