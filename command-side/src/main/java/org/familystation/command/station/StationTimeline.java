package org.familystation.command.station;

import org.familystation.events.common.StationPoint;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A station's life in business time (when things happened in the world, not when they were entered): its opening,
 * suspensions, reopenings, closing and station-point changes, in the order the station accepted them. The station
 * refuses a change dated before its latest one, so this order is also the order of their dates, and the state at
 * an instant is the fold of the changes dated at or before it. Rules of other aggregates (a service is delivered at
 * a station open then, at a point active then) read it from the registry.
 */
public record StationTimeline(List<Change> changes) {

    public StationTimeline {
        changes = List.copyOf(changes);
    }

    public enum Kind { OPENED, SUSPENDED, REOPENED, CLOSED, POINT_ACTIVATED, POINT_DEACTIVATED }

    /** Where the station stood at an instant. */
    public enum Standing { NOT_YET_OPEN, OPEN, SUSPENDED, CLOSED }

    /** One dated change; {@code points} are the points opened with, or the one point activated or deactivated. */
    public record Change(Instant at, Kind kind, Set<StationPoint> points) {

        public Change {
            points = points.isEmpty() ? EnumSet.noneOf(StationPoint.class) : EnumSet.copyOf(points);
        }
    }

    /** A station that opened at {@code at} with these points and has not changed since. */
    public static StationTimeline openedAt(Instant at, Set<StationPoint> points) {
        return new StationTimeline(List.of(new Change(at, Kind.OPENED, points)));
    }

    public StationTimeline with(Change change) {
        return new StationTimeline(Stream.concat(changes.stream(), Stream.of(change)).toList());
    }

    /** When the station opened (the first change), or null if the timeline is empty. */
    public Instant openedAt() {
        return changes.isEmpty() ? null : changes.get(0).at();
    }

    public Standing standingAt(Instant at) {
        Standing standing = Standing.NOT_YET_OPEN;
        for (Change change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            standing = switch (change.kind()) {
                case OPENED, REOPENED -> Standing.OPEN;
                case SUSPENDED -> Standing.SUSPENDED;
                case CLOSED -> Standing.CLOSED;
                default -> standing;
            };
        }
        return standing;
    }

    /** The station points that were serving at {@code at} (none before the opening). */
    public Set<StationPoint> pointsActiveAt(Instant at) {
        Set<StationPoint> points = EnumSet.noneOf(StationPoint.class);
        for (Change change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            switch (change.kind()) {
                case OPENED, POINT_ACTIVATED -> points.addAll(change.points());
                case POINT_DEACTIVATED -> points.removeAll(change.points());
                default -> { }
            }
        }
        return points;
    }
}
