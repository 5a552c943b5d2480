package org.familystation.command.snapshot;

import org.familystation.command.alliance.AllianceMember;
import org.familystation.command.people.Volunteer;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other aggregates with snapshots keep every field through one: an alliance member that signed many convention
 * versions and was suspended and reinstated, and a volunteer who helped with many services. (The station's and the
 * fund's decisions after a snapshot are tested with their features.)
 */
class LongLivedAggregatesSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    private static final String MEMBER = "member-1";
    private static final UnifiedSocialCreditCode CODE = UnifiedSocialCreditCode.of("91350100M000100Y43");

    private static List<Object> memberHistory() {
        List<Object> history = new ArrayList<>(List.of(
                new AllianceMembershipApplied(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室",
                        OrganisationType.SOCIAL_ORGANISATION, CODE, "李晓霞", null, AT),
                new AllianceApplicationApproved(MEMBER, Alliance.PUBLIC_WELFARE, "材料齐全", AT),
                new AllianceConventionSigned(MEMBER, Alliance.PUBLIC_WELFARE, "2014-1", "李晓霞", AT),
                new AllianceMemberAdmitted(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", CODE, "2014-1", AT)));
        for (int year = 2015; year < 2065; year++) {
            history.add(new AllianceMemberSuspended(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "未签署", year + "-1",
                    AT));
            history.add(new AllianceConventionSigned(MEMBER, Alliance.PUBLIC_WELFARE, year + "-1", "李晓霞", AT));
            history.add(new AllianceMemberReinstated(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "已签署",
                    year + "-1", AT));
        }
        history.add(new AllianceMemberSuspended(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "投诉核查", null, AT));
        return history;
    }

    private static List<Object> volunteerHistory() {
        List<Object> history = new ArrayList<>(List.of(
                new VolunteerRegistered("volunteer-1", "王芳", "NJ-0001", null, null, null, null, AT)));
        for (int i = 0; i < 150; i++) {
            history.add(new VolunteerHoursRecorded("volunteer-1", "王芳", "NJ-0001", "service-" + i, "station",
                    "梅园新村家庭驿站", "玄武区", "HOUSEKEEPING", "家政", AT, 90, AT));
        }
        return history;
    }

    @ParameterizedTest(name = "snapshot after {0} events")
    @ValueSource(ints = {1, 4, 77, 150})
    void anAllianceMemberFromASnapshotIsTheMemberFromItsWholeStream(int eventsBefore) {
        List<Object> history = memberHistory();
        AllianceMember whole = SnapshotReplay.fromEvents(AllianceMember.class, history);

        assertThat(SnapshotReplay.fromSnapshot(AllianceMember.class, history, eventsBefore))
                .usingRecursiveComparison().isEqualTo(whole);
        assertThat(new String(SnapshotReplay.snapshot(whole).getData(), StandardCharsets.UTF_8))
                .contains("\"status\":\"SUSPENDED\"", "\"creditCode\":\"91350100M000100Y43\"", "\"2064-1\"");
    }

    @ParameterizedTest(name = "snapshot after {0} events")
    @ValueSource(ints = {1, 2, 100, 150})
    void aVolunteerFromASnapshotIsTheVolunteerFromTheWholeStream(int eventsBefore) {
        List<Object> history = volunteerHistory();
        Volunteer whole = SnapshotReplay.fromEvents(Volunteer.class, history);

        assertThat(SnapshotReplay.fromSnapshot(Volunteer.class, history, eventsBefore))
                .usingRecursiveComparison().isEqualTo(whole);
        assertThat(new String(SnapshotReplay.snapshot(whole).getData(), StandardCharsets.UTF_8))
                .contains("\"volunteerNumber\":\"NJ-0001\"", "\"service-0\"", "\"service-149\"");
    }
}
