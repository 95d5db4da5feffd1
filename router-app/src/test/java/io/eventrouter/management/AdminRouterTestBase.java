package io.eventrouter.management;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.AdminHttp;
import io.eventrouter.testing.RouterTestBase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real router with its own data directory for each test, and an HTTP client for its admin side. */
abstract class AdminRouterTestBase extends RouterTestBase {
    @TempDir
    Path dataDir;

    AdminHttp http;

    @Override
    protected RouterConfig.Builder config() {
        return RouterConfig.builder().dataDir(dataDir);
    }

    @BeforeEach
    void connectAdmin() {
        http = new AdminHttp(router);
    }
}
