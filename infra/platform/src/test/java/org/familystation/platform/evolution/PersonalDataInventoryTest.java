package org.familystation.platform.evolution;

import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.PersonalData;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list of every personal field of every event (DOMAIN.md §9, PIPL) and whose data it is. The events'
 * {@link PersonalData} and {@link DataSubject} annotations must say exactly this: a new personal field, or one
 * that lost its annotation (and would be stored in plain text), fails here until the list is changed with it.
 */
class PersonalDataInventoryTest {

    static final List<String> PERSONAL_FIELDS = List.of(
            "AllianceMembershipApplied.contactPerson of MEMBER_CONTACT memberId",
            "AllianceMembershipApplied.contactPhone of MEMBER_CONTACT memberId",
            "CaseReferred.summary of REFERRAL referralId",
            "FederationStaffRegistered.name of FEDERATION_STAFF staffId",
            "FederationStaffRegistered.phone of FEDERATION_STAFF staffId",
            "NeedsSurveyCorrected.corrected.freeText of NEEDS_SURVEY surveyId",
            "NeedsSurveyRecorded.details.freeText of NEEDS_SURVEY surveyId",
            "ReferralDeclined.reason of REFERRAL referralId",
            "ReferralResolved.outcome of REFERRAL referralId",
            "ReferralWithdrawn.reason of REFERRAL referralId",
            "SocialWorkerAssigned.name of SOCIAL_WORKER socialWorkerId",
            "SocialWorkerRecruited.name of SOCIAL_WORKER socialWorkerId",
            "SocialWorkerRecruited.phone of SOCIAL_WORKER socialWorkerId",
            "SocialWorkerReleased.name of SOCIAL_WORKER socialWorkerId",
            "SocialWorkerReleased.reason of SOCIAL_WORKER socialWorkerId",
            "VolunteerHoursRecorded.volunteerName of VOLUNTEER volunteerId",
            "VolunteerRegistered.name of VOLUNTEER volunteerId",
            "VolunteerRegistered.phone of VOLUNTEER volunteerId");

    @Test
    void theEventsAnnotationsSayExactlyTheListOfPersonalFields() {
        List<String> found = new ArrayList<>();
        for (Class<?> event : EventGoldenFilesTest.eventTypes()) {
            Optional<RecordComponent> subject = Arrays.stream(event.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(DataSubject.class)).findFirst();
            List<String> fields = personalFields(event, event.getSimpleName());
            if (!fields.isEmpty()) {
                assertThat(subject).as("%s has personal data but no @DataSubject", event.getSimpleName())
                        .isPresent();
                String owner = " of " + subject.get().getAnnotation(DataSubject.class).value() + " "
                        + subject.get().getName();
                fields.forEach(field -> found.add(field + owner));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(PERSONAL_FIELDS);
    }

    /** The personal texts of a record and of the records it carries, as paths. */
    private static List<String> personalFields(Class<?> type, String path) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            if (component.isAnnotationPresent(PersonalData.class)) {
                assertThat(component.getType()).as("%s: only texts are encrypted", at).isEqualTo(String.class);
                fields.add(at);
            } else if (component.getType().isRecord()) {
                fields.addAll(personalFields(component.getType(), at));
            }
        }
        return fields;
    }
}
