package org.primum.tumourboard.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report as a browser renders it: headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs), driven over the DevTools protocol ({@link HeadlessChromium}), loads stored reports from the
 * running service for a patient outside the guidance, one with missing data and one with conflicting evidence.
 * The page must log nothing (no console message, no uncaught exception, no blocked asset or CSP violation),
 * hold the forest plots where the evidence is contested, and each leaves a full-page screenshot under
 * {@code target/report-screenshots/} as a build artefact. Without chromium the test is skipped, saying so.
 */
@QuarkusTest
class ReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/report-screenshots");
    static final Path PROFILE = Path.of("target/chromium-profile");

    @TestHTTPResource("/")
    URL base;

    static HeadlessChromium browser;

    @BeforeAll
    static void startChromium() throws Exception {
        String chromium = which("chromium");
        assumeTrue(chromium != null, "chromium is not installed: the browser test of the report is skipped"
                + " (.ci/run installs Debian's chromium; locally: apt-get install chromium)");
        browser = new HeadlessChromium(chromium, PROFILE.resolve(Long.toString(ProcessHandle.current().pid())));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) browser.close();
    }

    static String which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Opens a stored report; returns the problems the browser logged while loading it. */
    List<String> open(String path, String screenshot) throws Exception {
        int before = browser.problems().size();
        browser.open(base.toString().replaceAll("/$", "") + path);
        browser.screenshot(SCREENSHOTS.resolve(screenshot + ".png"), 1240);
        assertThat(Files.size(SCREENSHOTS.resolve(screenshot + ".png"))).isPositive();
        return browser.problems().subList(before, browser.problems().size());
    }

    static String stored(byte[] body, String asOf) {
        return ReportResourceTest.post(body, asOf).header("Content-Location");
    }

    /** The codes of the forest plots the page drew, and how many study rows each has. */
    static List<String> plots() {
        List<String> out = new ArrayList<>();
        JsonNode plots = browser.evaluate("[...document.querySelectorAll('svg[data-forest-plot]')]"
                + ".map(s => s.dataset.forestPlot + ':' + s.querySelectorAll('rect.pt').length)");
        plots.forEach(p -> out.add(p.asText()));
        return out;
    }

    @Test
    void conflictingEvidenceRendersItsForestPlots() throws Exception {
        List<String> problems = open(stored(ReportResourceTest.scenario("bone-only-hr-positive-may-benefit-with-regional-nodes"), null),
                "conflicting-evidence");
        assertThat(problems).as("what the browser logged").isEmpty();
        assertThat(plots()).anySatisfy(p -> assertThat(p).matches("BONE_ONLY_HR_POSITIVE_MAY_BENEFIT:[1-9]\\d*"))
                .anySatisfy(p -> assertThat(p).startsWith("RADIOTHERAPY_EVIDENCE_CONFLICTING:"));
        // the plots are drawn (have a size) and each has its table for screen readers
        assertThat(browser.evaluate("[...document.querySelectorAll('svg[data-forest-plot]')].every(s => s.getBoundingClientRect().height > 50"
                + " && s.closest('figure').querySelector('table') !== null)").asBoolean()).isTrue();
        assertThat(browser.evaluate("document.querySelectorAll('svg[data-forest-plot] rect.pt.contrary').length").asInt()).isPositive();
        browser.screenshotOf("figure.plot", SCREENSHOTS.resolve("conflicting-evidence-forest-plot.png"));
    }

    @Test
    void missingDataIsListedAndTheSurvivalQuestionPlotted() throws Exception {
        byte[] synthea = Files.readAllBytes(ReportResourceTest.FIXTURES.resolve("synthea-3.3.0-breast-stage4-seed20240101.json"));
        List<String> problems = open(stored(synthea, "1998-05-01"), "missing-data");
        assertThat(problems).as("what the browser logged").isEmpty();
        assertThat(browser.evaluate("document.getElementById('data').innerText").asText())
                .contains("DATA_MISSING_METASTATIC_SITES");
        assertThat(plots()).anySatisfy(p -> assertThat(p).startsWith("LRT_NOT_FOR_SURVIVAL:"));
    }

    @Test
    void aPatientOutsideTheGuidanceHasNoPlot() throws Exception {
        byte[] lcis = Files.readAllBytes(ReportResourceTest.FIXTURES.resolve("mcode-eve-anyperson-breast-lcis.json"));
        List<String> problems = open(stored(lcis, "2020-01-01"), "not-applicable");
        assertThat(problems).as("what the browser logged").isEmpty();
        assertThat(browser.evaluate("document.getElementById('not-applicable') !== null").asBoolean()).isTrue();
        assertThat(plots()).isEmpty();
    }

    @Test
    void theCheckCatchesAPageThatLogs() throws Exception {
        // the same browser on a page with a console error and a blocked asset: the check above is not vacuous
        Path page = Files.createTempFile("broken", ".html");
        Files.writeString(page, "<html><body><script>console.error('boom')</script>"
                + "<img src=\"http://127.0.0.1:9/missing.png\"></body></html>");
        int before = browser.problems().size();
        browser.open(page.toUri().toString());
        Thread.sleep(500); // the failed image load is logged after the load event at the latest
        assertThat(browser.problems().subList(before, browser.problems().size())).anySatisfy(p -> assertThat(p).contains("boom"));
        Files.deleteIfExists(page);
    }
}
