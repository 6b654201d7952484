package org.primum.api;

import java.util.regex.Pattern;

/**
 * A JAX-RS {@code @Path} template ({@code /cds-services/{id}/feedback}, {@code /x/{n: [0-9]+}}) as a regular
 * expression over request paths: a parameter matches one segment ({@code [^/]+}) unless it names its own
 * expression. Request paths are compared without a trailing slash, as JAX-RS matches them.
 */
public record PathTemplate(String template, Pattern pattern) {

    public static PathTemplate of(String classPath, String methodPath) {
        String joined = normalise("/" + (classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath));
        return new PathTemplate(joined, Pattern.compile(regex(joined)));
    }

    public boolean matches(String requestPath) {
        return pattern.matcher(normalise(requestPath)).matches();
    }

    /** One leading slash, no doubled or trailing slash ("/" stays "/"). */
    public static String normalise(String path) {
        String p = ("/" + (path == null ? "" : path)).replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String regex(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                int end = next < 0 ? template.length() : next;
                out.append(Pattern.quote(template.substring(i, end)));
                i = end;
                continue;
            }
            // a parameter: {name} or {name: regex}, where the regex may hold braces of its own ({3})
            int depth = 0;
            int j = i;
            for (; j < template.length(); j++) {
                if (template.charAt(j) == '{') depth++;
                else if (template.charAt(j) == '}' && --depth == 0) break;
            }
            if (j >= template.length()) throw new IllegalArgumentException("unbalanced braces in path template " + template);
            String inside = template.substring(i + 1, j);
            int colon = inside.indexOf(':');
            out.append('(').append(colon < 0 ? "[^/]+" : inside.substring(colon + 1).trim()).append(')');
            i = j + 1;
        }
        return out.toString();
    }
}
