package io.eventrouter.it;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code src/test/python/v2_client_compat.py}, which behaves like an original V2 Python
 * agent, against a real router. The script needs a Python 3 with the {@code websockets} package
 * (Debian: python3-websockets). Without one the test is skipped, except under {@code CI=true},
 * where it fails so that a CI machine cannot silently stop checking compatibility.
 */
class PythonV2ClientCompatibilityTest {
    private static final String SCRIPT = "src/test/python/v2_client_compat.py";
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;
    private static final long PROBE_TIMEOUT_SECONDS = 20;

    private RouterServer server;

    @AfterEach
    void stopRouter() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * The websockets package asks for permessage-deflate by default, so the script runs once
     * with the router declining it (its default) and once with the router granting it.
     */
    @ParameterizedTest(name = "permessage_deflate={0}")
    @ValueSource(booleans = {false, true})
    void shouldServeAnOriginalV2PythonClientUnchanged(boolean permessageDeflate) throws Exception {
        server = RouterServer.create(RouterConfig.builder().host("127.0.0.1").port(0)
                .permessageDeflate(permessageDeflate).build()).start();
        Path script = moduleDirectory().resolve(SCRIPT);
        assertThat(script).as("compatibility script").isRegularFile();
        String python = pythonWithWebsockets();

        Process process = new ProcessBuilder(python, script.toString(), "ws://127.0.0.1:" + server.port() + "/")
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        boolean finished = process.waitFor(SCRIPT_TIMEOUT_SECONDS, SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, SECONDS);
        }
        String text = output.get(10, SECONDS);
        assertThat(finished)
                .as("%s finished within %d s; its output:%n%s", script.getFileName(), SCRIPT_TIMEOUT_SECONDS, text)
                .isTrue();
        assertThat(process.exitValue())
                .as("exit code of %s %s; its output:%n%s", python, script.getFileName(), text)
                .isZero();
    }

    /** Surefire runs tests in the module directory and also passes it as {@code basedir}. */
    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * The first of {@code -Dpython=...}, {@code $PYTHON}, {@code python3} on the PATH and
     * {@code /usr/bin/python3} that can import websockets (a PATH managed by pyenv or a virtual
     * environment may put an interpreter without Debian's packages first).
     */
    private static String pythonWithWebsockets() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        addIfSet(candidates, System.getProperty("python"));
        addIfSet(candidates, System.getenv("PYTHON"));
        candidates.add("python3");
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            candidates.add("/usr/bin/python3");
        }
        for (String candidate : candidates) {
            if (canImportWebsockets(candidate)) {
                return candidate;
            }
        }
        String problem = "No Python 3 with the 'websockets' package found (tried " + candidates
                + "); install it (Debian: apt-get install python3-websockets) or point -Dpython / $PYTHON at one";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return fail(problem);
        }
        return Assumptions.abort(problem);
    }

    private static void addIfSet(List<String> candidates, String value) {
        if (value != null && !value.isBlank()) {
            candidates.add(value.trim());
        }
    }

    private static boolean canImportWebsockets(String python) throws InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder(python, "-c", "import websockets")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException notInstalled) {
            return false;
        }
        if (!probe.waitFor(PROBE_TIMEOUT_SECONDS, SECONDS)) {
            probe.destroyForcibly();
            return false;
        }
        return probe.exitValue() == 0;
    }

    private static String readAll(Process process) {
        try (var in = process.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to read the output of the compatibility script", e);
        }
    }
}
