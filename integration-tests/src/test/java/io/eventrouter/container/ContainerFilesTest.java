package io.eventrouter.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.it.TestRouter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code Dockerfile}, {@code compose.yaml} and {@code .dockerignore} in step with the
 * build and the router's configuration. There is no Docker daemon here, so nothing is built or
 * run in a container: the files are read and compared with what Maven produced and with the
 * configuration rules, and the health check script the image uses is run against a real router.
 */
class ContainerFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private static Dockerfile dockerfile;
    private static Dockerfile image;
    private static String compose;

    @BeforeAll
    static void readFiles() throws IOException {
        dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
        image = dockerfile.finalStage();
        compose = Files.readString(ROOT.resolve("compose.yaml"));
    }

    @Test
    void shouldCopyTheExecutableJarTheBuildProducesAndRunIt() {
        List<String> copy = image.all("COPY").stream()
                .map(Dockerfile.Instruction::words)
                .filter(words -> words.get(0).equals("--from=build"))
                .findFirst().orElseThrow();
        String builtJar = copy.get(1);
        String imageJar = copy.get(2);

        assertThat(builtJar).startsWith("/src/");
        assertThat(ROOT.resolve(builtJar.substring("/src/".length()))).as("the jar Maven builds").isRegularFile();
        assertThat(jsonArray(image.only("ENTRYPOINT").arguments())).containsSequence("-jar", imageJar);
        assertThat(dockerfile.all("RUN")).anySatisfy(run ->
                assertThat(run.arguments()).contains("mvnw").contains("package").contains("-pl router-app -am"));
    }

    @Test
    void shouldGiveTheBuildStageEveryModuleOfTheReactor() throws IOException {
        // Maven reads every module's pom, even with -pl: a module missing here breaks the build.
        List<String> copied = dockerfile.all("COPY").stream().map(copy -> copy.words().get(0)).toList();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        int count = 0;
        while (modules.find()) {
            String module = modules.group(1);
            assertThat(copied).as("COPY of module %s or its pom", module).containsAnyOf(module, module + "/pom.xml");
            count++;
        }
        assertThat(count).isPositive();
    }

    @Test
    void shouldConfigureTheRouterThroughRealSettingsToListenOnAllInterfaces() {
        Map<String, String> environment = image.environment();

        // The same loader the router uses: a misspelt ROUTER_* name would simply be ignored.
        RouterConfig config = ConfigLoader.load(null, environment, Map.of());
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(RouterConfig.DEFAULT_PORT);
        assertThat(image.only("EXPOSE").arguments()).isEqualTo(String.valueOf(config.port()));
        assertThat(volume()).isEqualTo(config.dataDir().toString());
    }

    @Test
    void shouldRunAsTheUnprivilegedUserItCreates() {
        String user = image.only("USER").arguments();

        assertThat(user).isNotIn("root", "0", "0:0");
        assertThat(image.all("RUN")).anySatisfy(run ->
                assertThat(run.arguments()).containsPattern("useradd [^&]* " + Pattern.quote(user) + "(\\s|$)"));
    }

    @Test
    void healthCheckShouldPassOnAReadyRouterAndFailWithoutOne() throws Exception {
        assertThat(jsonArray(image.only("HEALTHCHECK").arguments())).containsExactly("router-ready");
        assertThat(image.all("COPY")).anySatisfy(copy ->
                assertThat(copy.words()).endsWith("bin/router-ready", "/usr/local/bin/router-ready"));
        int port;
        try (TestRouter router = TestRouter.start()) {
            port = router.port();
            assertThat(runHealthCheck(port)).as("exit status against a ready router").isZero();
        }
        assertThat(runHealthCheck(port)).as("exit status with the router stopped").isNotZero();
    }

    @Test
    void composeShouldStartTheImageWithItsPortVolumeAndHealthCheck() {
        String port = image.only("EXPOSE").arguments();
        String volume = volume();

        assertThat(compose).contains("build: .");
        assertThat(compose).containsPattern("- \"(\\S+:)?\\d+:" + port + "\"");
        assertThat(compose).containsPattern("- \\S+:" + Pattern.quote(volume) + "\\s");
        assertThat(compose).contains("test: [\"CMD\", \"router-ready\"]");
    }

    @Test
    void dockerignoreShouldDropBuildOutputButKeepWhatTheBuildCopies() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(ignored).contains("**/target", ".git");
        for (Dockerfile.Instruction copy : dockerfile.all("COPY")) {
            if (copy.words().get(0).startsWith("--from=")) {
                continue; // copies from the build stage, not from the context
            }
            List<String> words = copy.words().stream().filter(word -> !word.startsWith("--")).toList();
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(ROOT.resolve(source)).as("COPY source %s", source).exists();
                assertThat(ignored).as("COPY source %s is not ignored", source)
                        .noneMatch(pattern -> source.equals(pattern) || source.startsWith(pattern + "/"));
            }
        }
    }

    /** Runs {@code bin/router-ready} as the image does, for a router on {@code port}. */
    private static int runHealthCheck(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bin/router-ready").toString())
                .redirectErrorStream(true);
        builder.environment().put("ROUTER_PORT", String.valueOf(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("router-ready did not finish; output: " + output);
        }
        return process.exitValue();
    }

    /** The strings of an exec-form argument such as {@code ["java", "-jar", "app.jar"]}. */
    private static List<String> jsonArray(String arguments) {
        int open = arguments.indexOf('[');
        if (open < 0) {
            throw new AssertionError("Expected the exec (JSON array) form, got: " + arguments);
        }
        return QUOTED.matcher(arguments.substring(open)).results().map(match -> match.group(1)).toList();
    }

    /** The image's one volume, {@code VOLUME /data} or {@code VOLUME ["/data"]}. */
    private static String volume() {
        String arguments = image.only("VOLUME").arguments();
        return arguments.startsWith("[") ? jsonArray(arguments).get(0) : arguments;
    }
}
