/**
 * The API's rules for what comes in and goes out: problem details for every refusal
 * ({@code ApiException}, {@code InvalidInputException}), strict input (content types, UTF-8, JSON
 * types, control characters, body sizes) and the guards of the engine's REST API. Low: it knows no
 * feature; a feature's refusal is an {@code ApiException}.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"database"})
package io.leadbridge.web;

import org.springframework.modulith.ApplicationModule;
