package io.leadbridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Leadbridge's own settings ({@code leadbridge.*} in application.yaml).
 *
 * @param demoData  load demo partners, reps and leads into an empty database
 * @param mailFrom  sender address of every notification
 * @param publicUrl base address of this service, used in links inside mails
 * @param publicBaseUrl base address at which prospects reach the public pages (the customer
 *                  contact check's links); the public URL unless set
 */
@ConfigurationProperties(prefix = "leadbridge")
public record LeadbridgeProperties(boolean demoData, String mailFrom, String publicUrl, String publicBaseUrl) {

    public LeadbridgeProperties {
        if (mailFrom == null || mailFrom.isBlank()) {
            mailFrom = "leads@leadbridge.local";
        }
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            publicBaseUrl = publicUrl;
        }
    }
}
