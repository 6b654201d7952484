# syntax=docker/dockerfile:1
# Primum: build the Quarkus fast-jar with the Maven wrapper on JDK 17 (bytecode for Java 17, as CI builds and tests it),
# run it on a JRE 25 as a non-root user, with an ahead-of-time cache (JEP 483/514/515) made by a training run.
#   docker build -t primum .
#   docker run --rm -p 8080:8080 primum
# Thresholds and limits are environment variables (PRIMUM_THRESHOLDS_DE_NOVO_WINDOW_DAYS=90, PRIMUM_MAX_BODY_BYTES=...).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY rules/ rules/
COPY fhir-profiles/ fhir-profiles/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 1001 primum \
 && useradd --system --uid 1001 --gid primum --home-dir /app --shell /usr/sbin/nologin primum
# The knowledge base (rules/) and the terminology (fhir-profiles/) are read at start-up from the
# working directory (primum.knowledge-base.rules-dir / profiles-dir), so they sit beside the jar.
WORKDIR /app
COPY --from=build --chown=primum:primum /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=primum:primum /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=primum:primum /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=primum:primum /build/target/quarkus-app/quarkus/ /app/quarkus/
COPY --from=build --chown=primum:primum /build/rules/ /app/rules/
COPY --from=build --chown=primum:primum /build/fhir-profiles/ /app/fhir-profiles/
# CDS Hooks feedback store: embedded H2 file ./data/primum by default (or PostgreSQL via QUARKUS_DATASOURCE_*)
RUN mkdir -p /app/data && chown primum:primum /app/data
# AOT cache for a faster start (JEP 483/515: classes loaded and linked, and method profiles, from a training run; in
# bench/budget.sh with AOT_JAVA, 3.2-3.8 s to the first answer against 5-6 s plain on JDK 17 and 4.3 s with JDK 17's
# AppCDS, quiet 2-core machine): a training run of this very image's java and jars, stopped once it listens and the
# start-up warm-up has evaluated its synthetic record (a stop asked for before Quarkus has started is not acted on);
# the JVM writes the cache at exit. In-memory database: nothing of the training run is kept but the cache. The same
# cache with another java or other jars is not used (a warning), and the service starts as without it.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dquarkus.http.port=18099 -Dquarkus.http.host=127.0.0.1 \
        -Dquarkus.datasource.jdbc.url=jdbc:h2:mem:training -Dprimum.report.dir=/tmp/training-reports -Dprimum.audit.work-dir=/tmp/training-audit \
        -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar /app/quarkus-run.jar > /tmp/training.log 2>&1 & \
    pid=$!; i=0; \
    until grep -q "warm-up:" /tmp/training.log && grep -q "Listening on" /tmp/training.log; do \
      i=$((i+1)); if [ $i -gt 1500 ] || ! kill -0 $pid 2>/dev/null; then cat /tmp/training.log; exit 1; fi; sleep 0.2; \
    done; \
    kill $pid; wait $pid; rm -rf /tmp/training.log /tmp/training-reports /tmp/training-audit; ls -l /app/app.aot
VOLUME /app/data
USER primum
EXPOSE 8080
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:AOTCache=/app/app.aot -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# readiness: GET /q/health/ready (no curl in the JRE image; let the orchestrator probe it)
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dquarkus.http.host=0.0.0.0 -jar /app/quarkus-run.jar"]
