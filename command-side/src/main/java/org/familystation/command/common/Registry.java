package org.familystation.command.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A registry of the command side: a bean whose {@code @EventHandler}s alone write these tables. At start-up
 * {@link RegistryRebuild} empties and refills the tables of every registry whose version is newer than the one it was
 * last built at, by replaying the event store through the same handlers (see docs/design/registry-rebuild.md).
 *
 * <p>Raise the version when the handlers start writing something the stored events already hold (a new table or
 * column, a changed rule) instead of copying it in with SQL in a migration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Registry {

    /** The tables the handlers write, emptied before a rebuild; no other registry writes them. */
    String[] tables();

    /** The version of what the handlers write; a registry last built at a lower one is rebuilt at start-up. */
    int version();
}
