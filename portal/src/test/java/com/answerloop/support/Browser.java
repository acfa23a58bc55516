package com.answerloop.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for one test class: started before the first test, quit after the
 * last (a browser start costs seconds on two cores, so tests in a class share it). Register as
 * {@code @RegisterExtension static final Browser browser = new Browser();}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Path executable : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable
                        + " is missing: the browser tests drive Debian's chromium and chromium-driver."
                        + " Run ./scripts/test.sh, which installs chromium and chromium-driver"
                        + " (or: apt-get install chromium chromium-driver).");
            }
        }
        profile = Files.createTempDirectory("answerloop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,1024",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteRecursively(profile);
        }
    }

    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser runs only between beforeAll and afterAll");
        }
        return driver;
    }

    /**
     * The wait every browser test uses: 20 s (two busy cores can take that long), looking again
     * when an element of the page that was just left goes stale while the next one loads.
     */
    public static WebDriverWait patientWait(WebDriver driver) {
        return patientWait(driver, Duration.ofSeconds(20));
    }

    public static WebDriverWait patientWait(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Forgets cookies, so the next page is seen as by a new visitor. */
    public void clearCookies() {
        driver().manage().deleteAllCookies();
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Chromium may still release files while quitting; a leftover temp file is harmless.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: temp data only.
        }
    }
}
