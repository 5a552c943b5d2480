package org.familystation.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.ResolvableType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's rows take the API's turns only where the API's changes take turns: with {@code concurrent-changes} 0
 * the filter is registered disabled, with a limit of one, and rows taking its turns would go one at a time.
 */
class ChangeTurnsConfigurationTest {

    private final OperationsConfiguration configuration = new OperationsConfiguration();

    @Test
    void rowsTakeTheFiltersTurnsWhereChangesTakeTurns() {
        ChangeAdmission admission = new ChangeAdmission(8, Duration.ofSeconds(10), "/api/imports/", new ObjectMapper());
        FilterRegistrationBean<ChangeAdmission> registration = new FilterRegistrationBean<>(admission);
        assertThat(configuration.changeTurns(provider(registration))).isSameAs(admission);
    }

    @Test
    void rowsRunAtOnceWhereChangesDoNotTakeTurnsOrThereIsNoWebServer() {
        ChangeAdmission admission = new ChangeAdmission(1, Duration.ofSeconds(10), "/api/imports/", new ObjectMapper());
        FilterRegistrationBean<ChangeAdmission> disabled = new FilterRegistrationBean<>(admission);
        disabled.setEnabled(false);
        assertThat(configuration.changeTurns(provider(disabled))).isSameAs(ChangeTurns.NONE);
        assertThat(configuration.changeTurns(provider(null))).isSameAs(ChangeTurns.NONE);
    }

    private static ObjectProvider<FilterRegistrationBean<ChangeAdmission>> provider(
            FilterRegistrationBean<ChangeAdmission> registration) {
        ResolvableType type = ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, ChangeAdmission.class);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (registration != null) {
            // As OperationsConfiguration declares it: the type's generics known, as a @Bean method's return type.
            RootBeanDefinition definition = new RootBeanDefinition();
            definition.setTargetType(type);
            definition.setInstanceSupplier(() -> registration);
            beans.registerBeanDefinition("changeAdmission", definition);
        }
        return beans.getBeanProvider(type);
    }
}
