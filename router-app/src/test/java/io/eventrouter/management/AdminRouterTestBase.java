package io.eventrouter.management;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.AdminHttp;
import io.eventrouter.testing.RunningRouter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real router with its own data directory for each test, and an HTTP client for its admin side. */
abstract class AdminRouterTestBase {
    @TempDir
    Path dataDir;

    RunningRouter router;
    AdminHttp http;

    @BeforeEach
    void startRouter() {
        router = RunningRouter.start(RouterConfig.builder().dataDir(dataDir));
        http = new AdminHttp(router);
    }

    @AfterEach
    void stopRouter() {
        router.close();
    }
}
