package org.familystation.platform.personaldata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

/** The subjects' data keys in PostgreSQL, and the protection the event serializer seals personal values with. */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
public class PersonalDataConfiguration {

    @Bean
    public DataKeys dataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                             @Value("${familystation.personal-data.key-cache:PT1M}") Duration keyCache) {
        return new JdbcDataKeys(jdbc, transactions, keyCache);
    }

    @Bean
    public PersonalDataProtection personalDataProtection(DataKeys keys) {
        return new PersonalDataProtection(keys);
    }
}
