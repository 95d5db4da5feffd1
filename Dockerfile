# syntax=docker/dockerfile:1
# The Event Router as a container: built from this source tree with the Maven wrapper, run on a
# Java 17 runtime as a non-root user. See "Container" in README.md:
#   docker build -t event-router .
#   docker run --rm -p 9090:9090 -v event-router-data:/data event-router

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Maven reads every module's pom even when building only router-app and what it needs.
COPY integration-tests/pom.xml integration-tests/
COPY router-client router-client
COPY router-admin-web router-admin-web
COPY router-app router-app
# The cache mount keeps Maven and the downloaded dependencies between builds without putting
# them into a layer; tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 \
    sh mvnw -B -q package -Dmaven.test.skip=true -pl router-app -am

FROM eclipse-temurin:17-jre
# A fixed uid, so a host directory mounted as /data can be given to it.
RUN groupadd --system --gid 10001 router \
    && useradd --system --uid 10001 --gid router --home-dir /data --no-create-home --shell /usr/sbin/nologin router \
    && mkdir /data && chown router:router /data
COPY --from=build /src/router-app/target/event-router.jar /opt/event-router/event-router.jar
COPY --chmod=0755 bin/router-ready /usr/local/bin/router-ready
# Inside a container the router must listen on every interface, not only loopback (its
# default). The data directory keeps router.properties, the settings saved by the admin API.
ENV ROUTER_HOST=0.0.0.0 \
    ROUTER_PORT=9090 \
    ROUTER_DATA_DIR=/data
VOLUME /data
EXPOSE 9090
USER router
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["router-ready"]
# Exec form: java is PID 1 and gets SIGTERM from "docker stop", which stops the router
# gracefully (queued events delivered, clients closed with 1001).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/event-router/event-router.jar"]
