package io.leadbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// The mail sender's poll for retries (notification/NotificationMailer).
@EnableScheduling
public class LeadbridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadbridgeApplication.class, args);
    }
}
