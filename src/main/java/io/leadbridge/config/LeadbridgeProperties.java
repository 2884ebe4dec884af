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
 * @param upkeepOnStart when a node starts, move running leads to the newest lead process and remove
 *                  prospects' contact details that earlier versions kept in the engine (default true;
 *                  the tests run both themselves)
 */
@ConfigurationProperties(prefix = "leadbridge")
public record LeadbridgeProperties(boolean demoData, String mailFrom, String publicUrl, String publicBaseUrl,
        Boolean upkeepOnStart) {

    public LeadbridgeProperties {
        if (upkeepOnStart == null) {
            upkeepOnStart = true;
        }
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
