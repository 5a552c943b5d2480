package org.familystation.platform.error;

/**
 * A dependency did not answer (refused the connection, or timed out): thrown where the failure is recognised, for
 * clients that are not JDBC (the Elasticsearch client), whose failures {@link Unavailability} cannot read.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final Dependency dependency;

    public DependencyUnavailableException(Dependency dependency, Throwable cause) {
        super(dependency.code() + ": " + (cause == null ? "" : cause.toString()), cause);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
