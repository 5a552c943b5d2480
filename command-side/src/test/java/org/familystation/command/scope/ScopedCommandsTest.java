package org.familystation.command.scope;

import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command the command side handles says where it acts, so the scope check can place it. */
class ScopedCommandsTest {

    @Test
    void everyHandledCommandIsAScopedCommand() throws ClassNotFoundException {
        Set<Class<?>> commands = handledCommands();
        assertThat(commands).hasSizeGreaterThan(40);
        assertThat(commands.stream().filter(command -> !ScopedCommand.class.isAssignableFrom(command))
                .map(Class::getName)).isEmpty();
    }

    private static Set<Class<?>> handledCommands() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        Set<Class<?>> commands = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (BeanDefinition definition : scanner.findCandidateComponents("org.familystation.command")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            List<Executable> handlers = Stream.concat(Arrays.stream(type.getDeclaredMethods()),
                            Arrays.stream(type.getDeclaredConstructors()))
                    .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                    .map(Executable.class::cast).toList();
            handlers.forEach(handler -> commands.add(handler.getParameterTypes()[0]));
        }
        return commands;
    }
}
