package org.familystation.query.alliance;

import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberEvent;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.events.common.Alliance.DOMESTIC_SERVICE;

/** Given a membership's events, the member they leave ({@link AllianceMemberFold}). */
class AllianceMemberFoldTest {

    private static final UnifiedSocialCreditCode CODE = new UnifiedSocialCreditCode("91350100M000100Y43");
    private static final Instant APPLIED = Instant.parse("2024-01-01T02:00:00Z");
    private static final Instant REVIEWED = Instant.parse("2024-01-10T02:00:00Z");
    private static final Instant SIGNED = Instant.parse("2024-01-11T02:00:00Z");
    private static final Instant ADMITTED = Instant.parse("2024-01-12T02:00:00Z");
    private static final Instant SUSPENDED = Instant.parse("2024-06-01T02:00:00Z");
    private static final Instant REINSTATED = Instant.parse("2024-07-01T02:00:00Z");
    private static final Instant LATER = Instant.parse("2024-09-01T02:00:00Z");
    private static final Instant BANNED_UNTIL = Instant.parse("2027-09-01T02:00:00Z");

    private static final AllianceMembershipApplied APPLICATION = new AllianceMembershipApplied("m-1",
            DOMESTIC_SERVICE, "安心家政", OrganisationType.ENTERPRISE, CODE, "王芳", "13800000000", APPLIED);
    private static final AllianceApplicationApproved APPROVAL =
            new AllianceApplicationApproved("m-1", DOMESTIC_SERVICE, "材料齐全", REVIEWED);
    private static final AllianceConventionSigned SIGNATURE =
            new AllianceConventionSigned("m-1", DOMESTIC_SERVICE, "2024-1", "李明", SIGNED);
    private static final AllianceMemberAdmitted ADMISSION =
            new AllianceMemberAdmitted("m-1", DOMESTIC_SERVICE, "安心家政", CODE, "2024-1", ADMITTED);
    private static final AllianceMemberSuspended SUSPENSION =
            new AllianceMemberSuspended("m-1", DOMESTIC_SERVICE, "安心家政", "投诉未处理", null, SUSPENDED);

    @Test
    void anApplicationMakesAnApplicant() {
        AllianceMemberState member = fold(APPLICATION);

        assertThat(member).isEqualTo(new AllianceMemberState("m-1", DOMESTIC_SERVICE, "安心家政",
                OrganisationType.ENTERPRISE, CODE, "王芳", "13800000000", MembershipStatus.APPLIED, APPLIED, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(member.statusSince()).isEqualTo(APPLIED);
    }

    @Test
    void nothingHappensToAMemberThatNeverApplied() {
        assertThat(fold(APPROVAL)).isNull();
    }

    @Test
    void aSecondApplicationChangesNothing() {
        assertThat(fold(APPLICATION, APPROVAL, APPLICATION)).isEqualTo(fold(APPLICATION, APPROVAL));
    }

    @Test
    void aReviewSetsTheStatusWithItsNotesOrReason() {
        AllianceMemberState approved = fold(APPLICATION, APPROVAL);
        AllianceMemberState rejected = fold(APPLICATION,
                new AllianceApplicationRejected("m-1", DOMESTIC_SERVICE, "资质不符", REVIEWED));

        assertThat(approved.status()).isEqualTo(MembershipStatus.APPROVED);
        assertThat(approved.reviewNotes()).isEqualTo("材料齐全");
        assertThat(approved.statusSince()).isEqualTo(REVIEWED);
        assertThat(rejected.status()).isEqualTo(MembershipStatus.REJECTED);
        assertThat(rejected.reviewNotes()).isEqualTo("资质不符");
        assertThat(rejected.statusSince()).isEqualTo(REVIEWED);
    }

    @Test
    void aSignatureIsRecordedWithoutChangingTheStatus() {
        AllianceMemberState member = fold(APPLICATION, APPROVAL, SIGNATURE);

        assertThat(member.status()).isEqualTo(MembershipStatus.APPROVED);
        assertThat(member.conventionVersion()).isEqualTo("2024-1");
        assertThat(member.conventionSignedAt()).isEqualTo(SIGNED);
        assertThat(member.signatory()).isEqualTo("李明");
        assertThat(member.statusSince()).isEqualTo(REVIEWED);
    }

    @Test
    void anAdmittedMemberIsSuspendedAndReinstated() {
        AllianceMemberState admitted = fold(APPLICATION, APPROVAL, SIGNATURE, ADMISSION);
        AllianceMemberState suspended = fold(APPLICATION, APPROVAL, SIGNATURE, ADMISSION, SUSPENSION);
        AllianceMemberState reinstated = fold(APPLICATION, APPROVAL, SIGNATURE, ADMISSION, SUSPENSION,
                new AllianceMemberReinstated("m-1", DOMESTIC_SERVICE, "安心家政", "已整改", "2024-1", REINSTATED));

        assertThat(admitted.status()).isEqualTo(MembershipStatus.ADMITTED);
        assertThat(admitted.statusSince()).isEqualTo(ADMITTED);
        assertThat(suspended.status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).isEqualTo("投诉未处理");
        assertThat(suspended.statusSince()).isEqualTo(SUSPENDED);
        assertThat(reinstated.status()).isEqualTo(MembershipStatus.ADMITTED);
        assertThat(reinstated.reinstatementReason()).isEqualTo("已整改");
        assertThat(reinstated.admittedAt()).isEqualTo(ADMITTED);
        assertThat(reinstated.statusSince()).isEqualTo(REINSTATED);
    }

    @Test
    void aMemberLeavesByExpulsionOrWithdrawal() {
        AllianceMemberState expelled = fold(APPLICATION, APPROVAL, SIGNATURE, ADMISSION,
                new AllianceMemberExpelled("m-1", DOMESTIC_SERVICE, "安心家政", CODE, "严重违约", LATER, BANNED_UNTIL));
        AllianceMemberState withdrawn = fold(APPLICATION, APPROVAL, SIGNATURE, ADMISSION, SUSPENSION,
                new AllianceMemberWithdrew("m-1", DOMESTIC_SERVICE, "安心家政", "业务调整", LATER));

        assertThat(expelled.status()).isEqualTo(MembershipStatus.EXPELLED);
        assertThat(expelled.expulsionReason()).isEqualTo("严重违约");
        assertThat(expelled.reapplicationBannedUntil()).isEqualTo(BANNED_UNTIL);
        assertThat(expelled.statusSince()).isEqualTo(LATER);
        assertThat(withdrawn.status()).isEqualTo(MembershipStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("业务调整");
        assertThat(withdrawn.suspendedAt()).isEqualTo(SUSPENDED);
        assertThat(withdrawn.statusSince()).isEqualTo(LATER);
    }

    private static AllianceMemberState fold(AllianceMemberEvent... events) {
        AllianceMemberState member = null;
        for (AllianceMemberEvent event : events) {
            member = AllianceMemberFold.evolve(member, event);
        }
        return member;
    }
}
