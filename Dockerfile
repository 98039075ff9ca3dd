# Build stage: the same Maven build as on a developer's machine, tests left to CI.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY processes ./processes
COPY forms ./forms
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE only, running as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app invisible-bars
WORKDIR /app
COPY --from=build /build/target/invisible-bars-*.jar /app/app.jar
USER invisible-bars
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
