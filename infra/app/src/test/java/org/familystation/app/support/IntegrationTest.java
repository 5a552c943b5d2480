package org.familystation.app.support;

import org.familystation.app.FamilyStationApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application over HTTP, on a real embedded PostgreSQL and Elasticsearch in a fresh data folder. All
 * test classes with this annotation share one application (Spring's context cache), so the servers start once.
 * Tests sign in as the demo accounts or as accounts they create ({@link TestAccounts}); they extend
 * {@link ApplicationTest}, which carries this annotation.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Import(TestAccounts.class)
// Metrics are exported as in production (a Spring Boot test turns the export off): OperationsEndpointsTest reads them.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = FamilyStationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "familystation.data-dir=target/it-data/${random.uuid}",
                // Tests do not need to survive a power cut; the application's default keeps fsync on.
                "familystation.embedded.postgres.durable=false",
                "familystation.embedded.elasticsearch.heap=256m",
                // Under a load of ~50 on two cores the embedded Elasticsearch has needed more than its default 120 s.
                "familystation.embedded.elasticsearch.startup-timeout=600s",
                "familystation.security.demo-accounts=true",
                // Hashing at a sixteenth of the memory and half the passes: the tests sign in with wrong passwords by
                // the hundred. PasswordHashingTest (infra/platform) checks what depends on the real cost.
                "familystation.security.password-hashing.memory-kib=1024",
                "familystation.security.password-hashing.iterations=1",
                // Due deadlines are looked for every second, not every ten: tests wait for them.
                "familystation.deadlines.polling-interval=1s"
        })
public @interface IntegrationTest {
}
