package org.familystation.query.referral;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.events.referral.CaseReferred;
import org.familystation.events.referral.ReferralAcceptanceOverdue;
import org.familystation.events.referral.ReferralAccepted;
import org.familystation.events.referral.ReferralClosed;
import org.familystation.events.referral.ReferralDeclined;
import org.familystation.events.referral.ReferralResolved;
import org.familystation.events.referral.ReferralWorkStarted;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadStoreTest;
import org.familystation.query.reach.Reaches;
import org.familystation.query.referral.ReferralDashboard.CentreFigures;
import org.familystation.query.referral.ReferralDashboard.Hours;
import org.familystation.query.referral.ReferralDashboard.OpenByAge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.events.common.CityCentre.RIGHTS_SERVICE_CENTRE;

/**
 * The referral projection and dashboard on the real PostgreSQL, with referrals whose times are chosen (days and
 * hours ago), so that ages, averages and medians have exact expected values; and redelivered events change nothing.
 */
@ReadStoreTest
class ReferralProjectionTest {

    private final TransactionTemplate transactions;
    private final ReferralProjection projection;
    private final ReferralDashboardController dashboard;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Every event handled, to deliver them all a second time. */
    private final List<Runnable> delivered = new ArrayList<>();

    @Autowired
    ReferralProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties) {
        this.transactions = transactions;
        this.projection = new ReferralProjection(jdbc);
        this.dashboard = new ReferralDashboardController(new NamedParameterJdbcTemplate(jdbc), properties,
                Clock.systemUTC(), new Reaches(jdbc, properties));
    }

    private void deliver(Runnable handler) {
        transactions.executeWithoutResult(status -> handler.run());
        delivered.add(handler);
    }

    /** A referral to the rights centre made {@code ago} before now; returns its id. */
    private String referred(Duration ago) {
        String id = UUID.randomUUID().toString();
        Instant at = now.minus(ago);
        CaseReferred event = new CaseReferred(id, "station", "测试驿站", district, RIGHTS_SERVICE_CENTRE, "LEGAL_AID",
                "法律援助", "个案摘要", ConsentMethod.VERBAL, at, at.plus(Duration.ofDays(3)));
        deliver(() -> projection.on(event, 0));
        return id;
    }

    private Instant referredAt(Duration ago) {
        return now.minus(ago);
    }

    @Test
    void answersTheDashboardFromTheReferralRowsAndIgnoresRedeliveries() {
        Duration tenDays = Duration.ofDays(10);
        String closed = referred(tenDays);
        deliver(() -> projection.on(new ReferralAccepted(closed, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(tenDays).plus(Duration.ofHours(2))), 1));
        deliver(() -> projection.on(new ReferralWorkStarted(closed, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(tenDays).plus(Duration.ofHours(3))), 2));
        deliver(() -> projection.on(new ReferralResolved(closed, "station", RIGHTS_SERVICE_CENTRE, "已办结",
                referredAt(tenDays).plus(Duration.ofHours(50))), 3));
        deliver(() -> projection.on(new ReferralClosed(closed, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(tenDays).plus(Duration.ofHours(60))), 4));

        Duration fiveDays = Duration.ofDays(5);
        String accepted = referred(fiveDays);
        deliver(() -> projection.on(new ReferralAccepted(accepted, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(fiveDays).plus(Duration.ofHours(4))), 1));

        Duration twoDays = Duration.ofDays(2);
        String inProgress = referred(twoDays);
        deliver(() -> projection.on(new ReferralAccepted(inProgress, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(twoDays).plus(Duration.ofHours(9))), 1));
        deliver(() -> projection.on(new ReferralWorkStarted(inProgress, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(twoDays).plus(Duration.ofHours(10))), 2));

        referred(Duration.ofHours(2));

        Duration eightDays = Duration.ofDays(8);
        String flagged = referred(eightDays);
        deliver(() -> projection.on(new ReferralAcceptanceOverdue(flagged, "station", RIGHTS_SERVICE_CENTRE,
                referredAt(eightDays).plus(Duration.ofDays(3))), 1, referredAt(eightDays).plus(Duration.ofDays(3))));

        Duration fourDays = Duration.ofDays(4);
        String declined = referred(fourDays);
        deliver(() -> projection.on(new ReferralDeclined(declined, "station", RIGHTS_SERVICE_CENTRE, "不受理",
                referredAt(fourDays).plus(Duration.ofHours(1))), 1));

        CentreFigures expected = new CentreFigures(RIGHTS_SERVICE_CENTRE, "妇女维权服务中心", 6,
                Map.of(ReferralStatus.REFERRED, 2L, ReferralStatus.ACCEPTED, 1L,
                        ReferralStatus.DECLINED, 1L, ReferralStatus.IN_PROGRESS, 1L, ReferralStatus.RESOLVED, 0L,
                        ReferralStatus.CLOSED, 1L, ReferralStatus.WITHDRAWN, 0L),
                new OpenByAge(4, 1, 1, 1, 1), 1,
                // accepted after 2, 4 and 9 hours; resolved after 50
                new Hours(3, 5.0, 4.0), new Hours(1, 50.0, 50.0), 1, 0.167);
        assertThat(rights(null, null)).usingRecursiveComparison().isEqualTo(expected);

        delivered.forEach(handler -> transactions.executeWithoutResult(status -> handler.run()));
        assertThat(rights(null, null)).as("after every event was delivered again")
                .usingRecursiveComparison().isEqualTo(expected);

        // The period counts referrals by the day they were made (Asia/Shanghai): the last two days hold two.
        LocalDate twoDaysAgo = LocalDate.ofInstant(referredAt(twoDays), ZoneId.of("Asia/Shanghai"));
        CentreFigures recent = rights(twoDaysAgo, null);
        assertThat(recent.referred()).isEqualTo(2);
        assertThat(recent.open()).isEqualTo(new OpenByAge(2, 1, 1, 0, 0));
        assertThat(recent.hoursToAccept()).isEqualTo(new Hours(1, 9.0, 9.0));
        assertThat(recent.hoursToResolve()).isEqualTo(new Hours(0, null, null));
        assertThat(recent.closureRate()).isEqualTo(0.0);
    }

    private CentreFigures rights(LocalDate from, LocalDate to) {
        // As a request of an administrator would (the dashboard answers within the user's reach: the network).
        FamilyStationUser admin = new FamilyStationUser("admin", null, "admin", null, EnumSet.of(Role.ADMIN), null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return dashboard.referrals(district, from, to).centres().stream()
                    .filter(figures -> figures.centre() == CityCentre.RIGHTS_SERVICE_CENTRE)
                    .findFirst().orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
