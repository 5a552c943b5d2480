package org.familystation.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one application: command side, query side and, unless external servers are configured, an embedded
 * PostgreSQL and Elasticsearch. Each part comes in through its own auto-configuration.
 */
@SpringBootApplication
public class FamilyStationApplication {

    public static void main(String[] args) {
        SpringApplication.run(FamilyStationApplication.class, args);
    }
}
