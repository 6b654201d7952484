package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.*;

import java.net.InetSocketAddress;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real FHIR R4 server for the tests: HAPI's plain {@link RestfulServer} with in-memory resource
 * providers (read by id, search by patient with {@code _include} of the Medications medication records
 * reference), paging at {@code pageSize} (5 unless said) results per page, on embedded Jetty on a random
 * loopback port. It can require a bearer token and be made slow, and records what it was asked.
 * {@link #shared()} is the one the Quarkus tests' client is allowed to fetch from ({@code fhir-servers}).
 */
public final class TestFhirServer implements AutoCloseable {
    private static TestFhirServer shared;

    /** The server of the test environment, started on first use and left running for the JVM (the trusted issuer's allow-list names it). */
    public static synchronized TestFhirServer shared() {
        if (shared == null) {
            try {
                shared = new TestFhirServer();
            } catch (Exception e) {
                throw new IllegalStateException("test FHIR server", e);
            }
        }
        return shared;
    }

    private final Map<String, Map<String, Resource>> store = new HashMap<>();
    private final Server jetty;
    private final int port;
    private final int pageSize;
    public volatile String requiredToken;
    public volatile long delayMillis;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public TestFhirServer() throws Exception {
        this(5);
    }

    public TestFhirServer(int pageSize) throws Exception {
        this.pageSize = pageSize;
        RestfulServer servlet = new RestfulServer(FhirContext.forR4Cached());
        servlet.setResourceProviders(List.of(
                new Provider<>(Patient.class), new Provider<>(Condition.class), new Provider<>(Observation.class),
                new Provider<>(Procedure.class), new Provider<>(MedicationRequest.class),
                new Provider<>(MedicationStatement.class), new Provider<>(MedicationAdministration.class),
                new Provider<>(MedicationDispense.class),
                new Provider<>(ServiceRequest.class), new Provider<>(Medication.class)));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(20);
        paging.setDefaultPageSize(pageSize);
        paging.setMaximumPageSize(pageSize);
        servlet.setPagingProvider(paging);
        // HAPI matches _include against the element name (medicationReference), not the search parameter (medication):
        // include whatever a reference carries, which the search sets only when _include is asked for
        servlet.setBundleInclusionRule(ca.uhn.fhir.context.api.BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(servlet), "/fhir/*");
        // every request (searches, reads and page fetches alike) is recorded and gated here
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder((jakarta.servlet.Filter) (req, res, chain) -> {
            HttpServletRequest http = (HttpServletRequest) req;
            if (!gate(http)) {
                ((jakarta.servlet.http.HttpServletResponse) res).sendError(401);
                return;
            }
            chain.doFilter(req, res);
        }), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        jetty.setHandler(context);
        jetty.start();
        port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public synchronized void put(Collection<? extends Resource> resources) {
        for (Resource r : resources) store.computeIfAbsent(r.fhirType(), k -> new LinkedHashMap<>()).put(r.getIdElement().getIdPart(), r);
    }

    public synchronized void clear() {
        store.clear();
        requests.clear();
        authorizations.clear();
        requiredToken = null;
        delayMillis = 0;
    }

    private boolean gate(HttpServletRequest request) {
        requests.add(request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        String auth = request.getHeader("Authorization");
        authorizations.add(auth == null ? "" : auth);
        if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) return false;
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    public final class Provider<T extends Resource> implements IResourceProvider {
        private final Class<T> type;

        Provider(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            synchronized (TestFhirServer.this) {
                Resource r = store.getOrDefault(type.getSimpleName(), Map.of()).get(id.getIdPart());
                if (r == null) throw new ResourceNotFoundException(id);
                return r;
            }
        }

        @Search
        public ca.uhn.fhir.rest.api.server.IBundleProvider byPatient(@RequiredParam(name = "patient") ReferenceParam patient,
                @IncludeParam(allow = {"MedicationRequest:medication", "MedicationStatement:medication",
                        "MedicationAdministration:medication", "MedicationDispense:medication"}) Set<Include> includes) {
            String ref = "Patient/" + patient.getIdPart();
            List<IBaseResource> out = new ArrayList<>();
            synchronized (TestFhirServer.this) {
                for (Resource r : store.getOrDefault(type.getSimpleName(), Map.of()).values()) {
                    if (ref.equals(subject(r))) out.add(includes == null || includes.isEmpty() ? r : withMedication(r));
                }
            }
            ca.uhn.fhir.rest.server.SimpleBundleProvider page = new ca.uhn.fhir.rest.server.SimpleBundleProvider(out);
            page.setPreferredPageSize(pageSize);
            return page;
        }
    }

    /** A copy whose medicationReference carries the stored Medication: HAPI's server adds it to the page as an include. */
    private Resource withMedication(Resource r) {
        Reference ref = medicationReference(r);
        if (ref == null) return r;
        Resource medication = store.getOrDefault("Medication", Map.of()).get(new IdType(ref.getReference()).getIdPart());
        if (medication == null) return r;
        Resource copy = r.copy();
        medicationReference(copy).setResource(medication);
        return copy;
    }

    private static Reference medicationReference(Resource r) {
        if (r instanceof MedicationRequest m && m.hasMedicationReference()) return m.getMedicationReference();
        if (r instanceof MedicationStatement m && m.hasMedicationReference()) return m.getMedicationReference();
        if (r instanceof MedicationAdministration m && m.hasMedicationReference()) return m.getMedicationReference();
        if (r instanceof MedicationDispense m && m.hasMedicationReference()) return m.getMedicationReference();
        return null;
    }

    private static String subject(Resource r) {
        if (r instanceof Condition c) return c.getSubject().getReference();
        if (r instanceof Observation o) return o.getSubject().getReference();
        if (r instanceof Procedure p) return p.getSubject().getReference();
        if (r instanceof MedicationRequest m) return m.getSubject().getReference();
        if (r instanceof MedicationStatement m) return m.getSubject().getReference();
        if (r instanceof MedicationAdministration m) return m.getSubject().getReference();
        if (r instanceof MedicationDispense m) return m.getSubject().getReference();
        if (r instanceof ServiceRequest s) return s.getSubject().getReference();
        return null;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
