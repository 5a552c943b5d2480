package org.familystation.query.asof;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The network as of any past moment (DOMAIN.md §7, evaluators and auditors: "the state of the network as of any
 * date"), computed from the events up to that moment and folded in memory. It reads the event store only: the live
 * read models are neither reset nor written, and keep serving while it runs.
 *
 * <p>Not cached: every answer is read from the store, so it cannot go stale or disagree with it; but it starts from
 * the latest snapshot of the fold that can stand for the start of its history ({@link NetworkSnapshotter}), and reads
 * only the events after it (docs/design/as-of-reads.md).
 */
@RestController
public class AsOfQueryController {

    static final Refusal AS_OF_AMBIGUOUS = Refusal.invalidInput("AS_OF_AMBIGUOUS",
            "请只给出日期（date）或时刻（at）中的一个", "give either a date or an instant (at), not both");
    static final Refusal AS_OF_IN_FUTURE = Refusal.ruleViolated("AS_OF_IN_FUTURE",
            "%s 尚未到来：只能查询已经发生的历史", "%s has not come yet: only the past has a history");

    private final NetworkHistory history;
    private final Clock clock;
    private final ZoneId zone;
    private final Reaches reaches;

    public AsOfQueryController(NetworkHistory history, Clock clock, QueryProperties properties, Reaches reaches) {
        this.history = history;
        this.reaches = reaches;
        this.clock = clock;
        this.zone = properties.getTimeZone();
    }

    /**
     * @param date a day of the users' calendar: the network at the end of that day (today: now)
     * @param at    an instant, such as {@code 2025-06-30T12:00:00+08:00}: the network then, to the millisecond
     *              (events are stored to the millisecond); with neither, the network now
     * @param basis BUSINESS (the default): what had happened in the world by then, as known today (a station
     *              opened on 2024-05-01 and entered yesterday counts on 2025-06-30); RECORDED: what the system had
     *              been told by then (the auditor's "what did the records say on that day")
     */
    @GetMapping("/api/as-of")
    public NetworkAsOf network(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate date,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               OffsetDateTime at,
                               @RequestParam(defaultValue = "BUSINESS") TimeBasis basis) {
        if (date != null && at != null) {
            throw DomainException.refuseField(AS_OF_AMBIGUOUS, "at");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant asOf;
        if (date != null) {
            if (date.isAfter(LocalDate.ofInstant(now, zone))) {
                throw DomainException.refuseField(AS_OF_IN_FUTURE, "date", date);
            }
            Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
            asOf = endOfDay.isAfter(now) ? now : endOfDay;
        } else if (at != null) {
            asOf = at.toInstant().truncatedTo(ChronoUnit.MILLIS);
            if (asOf.isAfter(now)) {
                throw DomainException.refuseField(AS_OF_IN_FUTURE, "at", at);
            }
        } else {
            asOf = now;
        }
        return history.asOf(asOf, date, basis, now, reaches.current(), true);
    }
}
