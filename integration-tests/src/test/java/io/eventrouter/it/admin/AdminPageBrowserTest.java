package io.eventrouter.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), driven through Selenium with the driver and browser paths set
 * explicitly, so Selenium Manager never downloads anything. It checks that the page shows
 * health, shows an event a test client publishes, filters the stream by topic, applies a
 * configuration change and logs nothing severe to the console; it saves a screenshot to
 * {@code target/admin-page.png}.
 */
class AdminPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path browserProfile;

    private RouterServer router;
    private ChromeDriver driver;
    private EventRouterClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        boolean browserPresent = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(browserPresent, "Skipping the admin page browser test: " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is missing (Debian: apt-get install -y chromium chromium-driver). "
                    + "Under CI=true this test fails instead.");
        }
        assertThat(browserPresent).as("%s and %s must be installed under CI", CHROMIUM, CHROMEDRIVER).isTrue();

        router = RouterServer.create(RouterConfig.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .dataDir(dataDir)
                        .shutdownTimeout(Duration.ofSeconds(2))
                        .build())
                .start();
        driver = newChromium();
    }

    private ChromeDriver newChromium() {
        // No Selenium Manager: the driver and the browser are named explicitly.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--window-size=1440,1800",
                "--user-data-dir=" + browserProfile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (driver != null) {
            driver.quit();
        }
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void showsHealthLiveEventsAndAppliesConfiguration() throws Exception {
        String base = "http://127.0.0.1:" + router.port();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get(base + "/admin/");

        wait.until(ExpectedConditions.textToBe(By.id("health-status"), "healthy"));
        waitForSubscription(wait, "#");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("clients-count"), "…")));

        client = EventRouterClient.connect(router.uri().toString());
        String first = "first-" + UUID.randomUUID();
        client.publish("browser.test", Map.of("marker", first));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-stream"), first));
        WebElement row = driver.findElement(By.cssSelector("#event-stream tr.event-row"));
        assertThat(row.getAttribute("data-topic")).isEqualTo("browser.test");

        // A filter that excludes browser.test: a new browser.test event must not show, browser.other must.
        WebElement filter = driver.findElement(By.id("topic-filter"));
        filter.clear();
        filter.sendKeys("browser.other", Keys.ENTER);
        waitForSubscription(wait, "browser.other");
        String excluded = "excluded-" + UUID.randomUUID();
        String included = "included-" + UUID.randomUUID();
        client.publish("browser.test", Map.of("marker", excluded));
        client.publish("browser.other", Map.of("marker", included));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-stream"), included));
        assertThat(driver.findElement(By.id("event-stream")).getText()).doesNotContain(excluded).contains(first);

        assertThat(severeConsoleEntries()).as("browser console errors").isEmpty();

        // An invalid value: the API's 400 message shows inline (and Chromium logs the 400 itself).
        WebElement maxClients = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("config-max_clients")));
        maxClients.clear();
        maxClients.sendKeys("-1");
        driver.findElement(By.id("config-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-result"),
                "max_clients must be a positive integer"));
        assertThat(severeConsoleEntries()).as("browser console errors after an invalid save")
                .allSatisfy(entry -> assertThat(entry.getMessage()).contains("/admin/api/config", "400"));

        // Configuration: max_clients applies at once.
        maxClients.clear();
        maxClients.sendKeys("4321");
        driver.findElement(By.id("config-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-result"), "Applied: max_clients"));
        assertThat(driver.findElement(By.id("config-result")).getText()).doesNotContain("Restart required");
        JsonObject config = getJson(base + "/admin/api/config");
        assertThat(config.getJsonObject("settings").getInt("max_clients")).isEqualTo(4321);
        assertThat(driver.findElement(By.id("config-max_clients")).getAttribute("value")).isEqualTo("4321");

        // Let the chart collect a few samples (with the events above), then take the picture.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients-table"), "admin-page"));
        Path screenshot = Path.of("target", "admin-page.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);

        assertThat(severeConsoleEntries()).as("browser console errors").isEmpty();
    }

    /** SEVERE browser console entries since the last call (reading the log empties it). */
    private List<LogEntry> severeConsoleEntries() {
        List<LogEntry> all = driver.manage().logs().get(LogType.BROWSER).getAll();
        return all.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    private void waitForSubscription(WebDriverWait wait, String pattern) {
        wait.until(ExpectedConditions.attributeToBe(By.id("filter-active"), "data-pattern", pattern));
    }

    private JsonObject getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
