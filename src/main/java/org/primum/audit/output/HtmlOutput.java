package org.primum.audit.output;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.primum.audit.model.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The audit as one printable HTML page, with no external asset: the cohort's figures, an inline SVG bar chart
 * of concordance per criterion (concordant, discordant, not evaluable, in patients), the breast-conservation
 * rate, the discordant patients of each criterion by id, the patients out of scope by reason, and the input
 * problems with file and line. Rendered with Qute's standalone engine (no Quarkus); every value is escaped
 * here, before it reaches the template, so the template prints text as given.
 */
public final class HtmlOutput {
    private HtmlOutput() {
    }

    /** Input problems listed one by one on the page (all are counted; the JSON has up to 10,000). */
    static final int PROBLEMS_SHOWN = 500;
    private static final int BAR = 420, ROW = 34, LABEL = 330;

    private static final Template TEMPLATE = Engine.builder().addDefaults().build().parse(HtmlTemplate.TEXT);

    public static void write(AuditReport report, OutputStream out) {
        Map<String, List<String>> discordant = new LinkedHashMap<>();
        report.summary().forEach(s -> discordant.put(s.code(), new ArrayList<>()));
        report.forEachPatient(p -> {
            Set<String> codes = new LinkedHashSet<>();
            p.criteria().stream().filter(c -> c.verdict() == Verdict.DISCORDANT).forEach(c -> codes.add(c.code()));
            codes.forEach(code -> discordant.computeIfAbsent(code, k -> new ArrayList<>()).add(p.patient()));
        });
        String html = TEMPLATE.data("title", "Guideline audit — de novo metastatic breast cancer")
                .data("asOf", report.asOf().toString())
                .data("version", esc(report.knowledgeBaseVersion()))
                .data("patients", report.patients())
                .data("audited", report.audited())
                .data("outOfScope", report.patients() - report.audited())
                .data("chart", chart(report.summary()))
                .data("criteria", criteria(report.summary(), discordant))
                .data("conservation", conservation(report.breastConservation()))
                .data("scopes", counts(report.outOfScope()))
                .data("problemTotal", report.problemCount())
                .data("problemKinds", problemKinds(report.problemCounts()))
                .data("problems", problems(report.problems()))
                .data("problemsCut", report.problemCount() > Math.min(PROBLEMS_SHOWN, report.problems().size()))
                .render();
        try {
            out.write(html.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SVG markup of the chart: one stacked bar per criterion, the rate written beside it. */
    static String chart(List<CriterionSummary> summary) {
        int height = summary.size() * ROW + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Concordance per criterion\" width=\"")
                .append(LABEL + BAR + 90).append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">");
        int y = 10;
        for (CriterionSummary s : summary) {
            long total = s.concordant() + s.discordant() + s.notEvaluable();
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(s.code())).append("</text>");
            double x = LABEL;
            x = bar(svg, x, y, total, s.concordant(), "#2e7d32", "concordant");
            x = bar(svg, x, y, total, s.discordant(), "#c62828", "discordant");
            bar(svg, x, y, total, s.notEvaluable(), "#9e9e9e", "not evaluable");
            if (total == 0) svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(BAR)
                    .append("\" height=\"20\" fill=\"none\" stroke=\"#bbb\"/>");
            String rate = s.rate() == null ? "—" : Math.round(s.rate() * 100) + "%";
            svg.append("<text x=\"").append(LABEL + BAR + 8).append("\" y=\"").append(y + 15).append("\">").append(rate).append("</text>");
            y += ROW;
        }
        svg.append("<g transform=\"translate(").append(LABEL).append(",").append(y).append(")\">")
                .append("<rect width=\"10\" height=\"10\" fill=\"#2e7d32\"/><text x=\"14\" y=\"9\">concordant</text>")
                .append("<rect x=\"110\" width=\"10\" height=\"10\" fill=\"#c62828\"/><text x=\"124\" y=\"9\">discordant</text>")
                .append("<rect x=\"220\" width=\"10\" height=\"10\" fill=\"#9e9e9e\"/><text x=\"234\" y=\"9\">not evaluable</text></g>");
        return svg.append("</svg>").toString();
    }

    private static double bar(StringBuilder svg, double x, int y, long total, long n, String colour, String what) {
        if (total == 0 || n == 0) return x;
        double w = BAR * (double) n / total;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"><title>%d %s</title></rect>",
                x, y, w, colour, n, what));
        return x + w;
    }

    private static List<Map<String, Object>> criteria(List<CriterionSummary> summary, Map<String, List<String>> discordant) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CriterionSummary s : summary) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", esc(s.code()));
            row.put("title", esc(s.title()));
            row.put("concordant", s.concordant());
            row.put("discordant", s.discordant());
            row.put("notEvaluable", s.notEvaluable());
            row.put("rate", s.rate() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", s.rate() * 100));
            row.put("patients", discordant.getOrDefault(s.code(), List.of()).stream().map(HtmlOutput::esc).toList());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> conservation(BreastConservation bc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conserving", bc.breastConservingSurgeries());
        m.put("surgeries", bc.breastSurgeries());
        m.put("rate", bc.rate() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", bc.rate() * 100));
        return m;
    }

    private static List<Map<String, Object>> counts(Map<String, Long> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        new TreeMap<>(counts).forEach((k, v) -> rows.add(Map.of("name", esc(k), "count", v)));
        return rows;
    }

    private static List<Map<String, Object>> problemKinds(Map<InputProblem.Kind, Long> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InputProblem.Kind k : InputProblem.Kind.values()) {
            if (counts.containsKey(k)) rows.add(Map.of("name", k.name(), "count", counts.get(k)));
        }
        return rows;
    }

    private static List<Map<String, Object>> problems(List<InputProblem> problems) {
        return problems.stream().limit(PROBLEMS_SHOWN).map(p -> Map.<String, Object>of("kind", p.kind().name(),
                "file", esc(p.file()), "line", p.line(), "patient", p.patient() == null ? "" : esc(p.patient()),
                "detail", esc(p.detail()))).toList();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
