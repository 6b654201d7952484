package org.primum.tumourboard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's chromium, headless, driven over the DevTools protocol (a WebSocket of the JDK, no browser
 * driver): the console messages, uncaught exceptions and browser log entries (a CSP violation, a resource
 * that failed to load) of a page, its DOM, and a full-page screenshot. Headless chromium does not print
 * console messages on its own, hence the protocol. One browser per instance, its own fresh profile.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    HeadlessChromium(String executable, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        process = new ProcessBuilder(executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IllegalStateException("chromium did not open its DevTools port; log: " + profile.resolve("chromium.log"));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        while (page == null) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asText())) page = target.path("webSocketDebuggerUrl").asText();
            }
            if (page == null) Thread.sleep(100);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Page.enable", null);
    }

    /** Opens {@code url} and waits for its load event. */
    void open(String url) {
        loaded = new CompletableFuture<>();
        ObjectNode params = JSON.createObjectNode().put("url", url);
        JsonNode result = call("Page.navigate", params);
        if (result.hasNonNull("errorText")) throw new IllegalStateException("navigation failed: " + result.get("errorText").asText());
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Console messages, uncaught exceptions and log entries of warning or error level, since start. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The value of a JavaScript expression, as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    /** A PNG of the whole page at {@code width} CSS pixels. */
    void screenshot(Path file, int width) throws IOException {
        call("Emulation.clearDeviceMetricsOverride", null); // the previous page's height would pad this one
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", 600)
                .put("deviceScaleFactor", 1).put("mobile", false));
        int height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt();
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** A PNG of the first element matching {@code selector}, as laid out now. */
    void screenshotOf(String selector, Path file) throws IOException {
        JsonNode box = evaluate("(() => { const r = document.querySelector(" + JSON.writeValueAsString(selector)
                + ").getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; })()");
        ObjectNode clip = JSON.createObjectNode().put("x", box.path("x").asDouble()).put("y", box.path("y").asDouble())
                .put("width", box.path("width").asDouble()).put("height", box.path("height").asDouble()).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode response = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (response.has("error")) throw new IllegalStateException(method + ": " + response.get("error"));
        return response.path("result");
    }

    private void event(JsonNode e) {
        JsonNode p = e.path("params");
        switch (e.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
            case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                String level = p.path("entry").path("level").asText();
                if (level.equals("error") || level.equals("warning")) {
                    problems.add("log " + level + ": " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                }
            }
            default -> {
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) f.complete(message);
                    } else {
                        event(message);
                    }
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e.getMessage());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
