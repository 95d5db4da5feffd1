package io.eventrouter.testing;

import io.eventrouter.config.RouterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real router for each test of the class, started before it and stopped after it. */
public abstract class RouterTestBase {
    protected RunningRouter router;

    @BeforeEach
    void startRouter() {
        router = RunningRouter.start(config());
    }

    @AfterEach
    void stopRouter() {
        router.close();
    }

    /** The router's settings; {@link RunningRouter} always adds loopback and a free port. */
    protected RouterConfig.Builder config() {
        return RouterConfig.builder();
    }
}
