package org.familystation.command.people;

import org.familystation.command.common.CommonRefusals;
import org.familystation.events.common.SocialWorkerQualification;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.people.PeopleRefusals.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What commands about people refuse without looking at anyone: read at the edge, before a command is sent. */
class PeopleInputTest {

    private static final String ID = "0e5c1b7a-3d2f-4c8e-9a1b-000000000001";

    private static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.field()).contains(field);
    }

    @Test
    void readsTrimmedNamesAndPhonesAndUpperCaseNumbers() {
        RegisterVolunteer volunteer = RegisterVolunteer.read(ID, " 陈静 ", " nj-2026-0001 ", " 138 0000 0000 ", " ");
        assertThat(volunteer.name()).isEqualTo(new PersonName("陈静"));
        assertThat(volunteer.volunteerNumber().value()).isEqualTo("NJ-2026-0001");
        assertThat(volunteer.phone().value()).isEqualTo("138 0000 0000");
        assertThat(volunteer.homeUnitId()).isNull();
        RecruitSocialWorker worker = RecruitSocialWorker.read(ID, "王芳", " ", " SOCIAL_WORKER ", "hq");
        assertThat(worker.phone()).isNull();
        assertThat(worker.qualification()).isEqualTo(SocialWorkerQualification.SOCIAL_WORKER);
        assertThat(RecruitSocialWorker.read(ID, "王芳", null, " ", "hq").qualification()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankName(String name) {
        assertRefused(NAME_INVALID, "name", () -> RecruitSocialWorker.read(ID, name, null, null, "hq"));
        assertRefused(NAME_INVALID, "name", () -> RegisterVolunteer.read(ID, name, "NJ-2026-0001", null, null));
    }

    @Test
    void refusesAMissingName() {
        assertRefused(NAME_INVALID, "name", () -> RegisterFederationStaff.read(ID, null, null, "branch"));
    }

    @Test
    void refusesANameOverFiftyCharacters() {
        assertRefused(NAME_INVALID, "name", () -> new PersonName("王".repeat(51)));
        assertThat(new PersonName("王".repeat(50)).value()).hasSize(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"电话", "123", "025-8456-1234-5678-9012-3456", "+-12345", "1380000000x", "找前台"})
    void refusesAPhoneThatIsNotANumber(String phone) {
        assertRefused(PHONE_INVALID, "phone", () -> Phone.of(phone));
        assertRefused(PHONE_INVALID, "phone", () -> RegisterFederationStaff.read(ID, "李红", phone, "branch"));
    }

    @Test
    void refusesAnUnknownQualification() {
        assertRefused(QUALIFICATION_UNKNOWN, "qualification",
                () -> RecruitSocialWorker.read(ID, "王芳", null, "PROFESSOR", "hq"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NJ", "-NJ2026", "NJ 2026 0001", "志愿者001", "NJ-1234567890123456789012345678"})
    void refusesAnInvalidVolunteerNumber(String number) {
        assertRefused(VOLUNTEER_NUMBER_INVALID, "volunteerNumber",
                () -> RegisterVolunteer.read(ID, "陈静", number, null, null));
    }

    @Test
    void refusesAMissingVolunteerNumber() {
        assertRefused(VOLUNTEER_NUMBER_INVALID, "volunteerNumber",
                () -> RegisterVolunteer.read(ID, "陈静", null, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -30, 1_441})
    void refusesMinutesOutsideOneMinuteToADay(int minutes) {
        assertRefused(MINUTES_INVALID, "minutes", () -> MinutesHelped.of(minutes));
    }

    @Test
    void refusesMissingMinutesAndAcceptsAWholeDay() {
        assertRefused(MINUTES_INVALID, "minutes", () -> MinutesHelped.of(null));
        assertThat(MinutesHelped.of(1_440).value()).isEqualTo(1_440);
    }

    @Test
    void refusesIdsThatAreNotLowerCaseUuids() {
        assertRefused(CommonRefusals.ID_INVALID, "socialWorkerId",
                () -> RecruitSocialWorker.read(ID.toUpperCase(), "王芳", null, null, "hq"));
        assertRefused(CommonRefusals.ID_INVALID, "volunteerId",
                () -> RegisterVolunteer.read("volunteer-1", "陈静", "NJ-2026-0001", null, null));
        assertRefused(CommonRefusals.ID_INVALID, "staffId",
                () -> RegisterFederationStaff.read("staff-1", "李红", null, "branch"));
    }
}
