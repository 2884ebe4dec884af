# Leadbridge image: build the jar with the Maven wrapper, run it on a JRE.
#   docker build -t leadbridge .        (or: docker compose build)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# Only what the build needs: no target/ or data/ from the working copy.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY processes processes
COPY decisions decisions
RUN chmod +x mvnw && ./mvnw -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/leadbridge-0.1.0-SNAPSHOT.jar /app/leadbridge.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/leadbridge.jar"]
