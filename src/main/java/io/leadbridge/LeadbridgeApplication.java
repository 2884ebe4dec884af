package io.leadbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadbridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadbridgeApplication.class, args);
    }
}
