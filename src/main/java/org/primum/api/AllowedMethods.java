package org.primum.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which methods each path of the service answers, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6: it
 * MUST list them). RESTEasy Reactive raises its 405 without that list, so the service keeps its own: read
 * once, on the first 405, from the REST resource classes (their {@code @Path} templates and HTTP-method
 * annotations; {@code HEAD} wherever {@code GET} is, and {@code OPTIONS}, which RESTEasy answers for every
 * resource path) and from the Vert.x routes registered with a method and an exact path (the audit upload).
 * Derived from the code, so a new endpoint needs nothing here.
 */
@Singleton
public class AllowedMethods {

    /** A path template and the methods it answers. */
    public record Route(PathTemplate path, Set<String> methods) {
    }

    private final BeanManager beans;
    private volatile Router router;
    private volatile List<Route> routes;

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    void capture(@Observes Router router) {
        this.router = router;
    }

    /** The methods {@code path} answers, in alphabetical order; empty when no route has this path. */
    public Set<String> of(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matches(path)) allowed.addAll(route.methods());
        }
        return allowed;
    }

    /** The value of an {@code Allow} header. */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    public List<Route> routes() {
        List<Route> r = routes;
        if (r == null) routes = r = List.copyOf(collect());
        return r;
    }

    private List<Route> collect() {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath != null) found.addAll(restRoutes(classPath.value(), type));
        }
        Router r = router;
        if (r != null) {
            for (io.vertx.ext.web.Route route : r.getRoutes()) {
                Set<HttpMethod> methods = route.methods();
                if (methods == null || methods.isEmpty() || route.getPath() == null || route.isRegexPath() || !route.isExactPath()) continue;
                Set<String> names = new TreeSet<>();
                methods.forEach(m -> names.add(m.name()));
                // Vert.x writes parameters :name, JAX-RS {name}
                found.add(new Route(PathTemplate.of(route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}"), ""), names));
            }
        }
        return found;
    }

    /** One route per resource method; sub-resource locators (a {@code @Path} without a method) are not followed. */
    static List<Route> restRoutes(String classPath, Class<?> type) {
        List<Route> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            String method = httpMethod(m);
            if (method == null) continue;
            Path methodPath = m.getAnnotation(Path.class);
            Set<String> methods = new TreeSet<>(Set.of(method, "OPTIONS"));
            if (method.equals("GET")) methods.add("HEAD");
            found.add(new Route(PathTemplate.of(classPath, methodPath == null ? "" : methodPath.value()), methods));
        }
        return found;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            jakarta.ws.rs.HttpMethod http = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }
}
