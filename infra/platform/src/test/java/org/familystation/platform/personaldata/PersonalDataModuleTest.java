package org.familystation.platform.personaldata;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;
import org.familystation.events.referral.CaseReferred;
import org.familystation.platform.eventstore.EventStoreConfiguration;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event serializer's encryption of personal values, with keys held in memory. */
class PersonalDataModuleTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private final MemoryKeys keys = new MemoryKeys();
    private final PersonalDataProtection protection = new PersonalDataProtection(keys);
    private final ObjectMapper mapper = new EventStoreConfiguration().defaultAxonObjectMapper()
            .registerModule(new PersonalDataModule(() -> protection));
    private final ObjectMapper plain = new EventStoreConfiguration().defaultAxonObjectMapper();

    private final CaseReferred referred = new CaseReferred("R-1", "S-1", "驿站", "鼓楼区",
            CityCentre.RIGHTS_SERVICE_CENTRE, "DOMESTIC_VIOLENCE", "家庭暴力", "张某遭受家庭暴力，需要法律援助",
            ConsentMethod.WRITTEN, AT, AT);

    @Test
    void personalValuesAreStoredEncryptedAndReadBackPlain() throws Exception {
        String stored = mapper.writeValueAsString(referred);

        JsonNode tree = plain.readTree(stored);
        assertThat(tree.get("summary").asText()).startsWith("pd1:REFERRAL/R-1:").doesNotContain("张某");
        assertThat(tree.get("stationName").asText()).isEqualTo("驿站");
        assertThat(stored).doesNotContain("家庭暴力，需要");
        assertThat(mapper.readValue(stored, CaseReferred.class)).isEqualTo(referred);
    }

    @Test
    void eachSubjectHasItsOwnKeyAndTheSameTextEncryptsDifferentlyEachTime() throws Exception {
        VolunteerRegistered volunteer = new VolunteerRegistered("V-1", "王芳", "NJ-001", "13812341234", null, null,
                null, AT);
        String first = mapper.writeValueAsString(volunteer);
        String second = mapper.writeValueAsString(volunteer);

        assertThat(first).isNotEqualTo(second).doesNotContain("13812341234").doesNotContain("王芳");
        assertThat(plain.readTree(first).get("phone").asText()).startsWith("pd1:VOLUNTEER/V-1:");
        assertThat(keys.keys).containsOnlyKeys("VOLUNTEER/V-1");
        assertThat(mapper.readValue(second, VolunteerRegistered.class)).isEqualTo(volunteer);
    }

    @Test
    void aValueInsideTheEventBelongsToTheEventsSubjectAndNullsStayNull() throws Exception {
        NeedsSurveyRecorded survey = new NeedsSurveyRecorded("N-1", "H-1", "之家", "鼓楼区",
                new SurveyDetails(LocalDate.of(2026, 11, 30), SurveyChannel.values()[0], 3,
                        List.of(new NeedCount("HOUSEKEEPING", "家政服务", 2)), "李阿姨需要上门照护"), AT);
        String stored = mapper.writeValueAsString(survey);

        assertThat(plain.readTree(stored).at("/details/freeText").asText()).startsWith("pd1:NEEDS_SURVEY/N-1:");
        assertThat(mapper.readValue(stored, NeedsSurveyRecorded.class)).isEqualTo(survey);

        VolunteerRegistered noPhone = new VolunteerRegistered("V-2", "赵敏", "NJ-002", null, null, null, null, AT);
        String withoutPhone = mapper.writeValueAsString(noPhone);
        assertThat(plain.readTree(withoutPhone).get("phone").isNull()).isTrue();
        assertThat(mapper.readValue(withoutPhone, VolunteerRegistered.class)).isEqualTo(noPhone);
    }

    @Test
    void afterTheKeyIsDeletedTheValuesReadAsErasedAndLaterWritesAreStoredErased() throws Exception {
        String stored = mapper.writeValueAsString(referred);

        assertThat(protection.erase("REFERRAL/R-1")).isTrue();
        assertThat(protection.erase("REFERRAL/R-1")).as("already erased").isFalse();

        CaseReferred read = mapper.readValue(stored, CaseReferred.class);
        assertThat(read.summary()).isEqualTo(PersonalData.ERASED);
        assertThat(read.stationName()).isEqualTo("驿站");

        String writtenAfter = mapper.writeValueAsString(referred);
        assertThat(writtenAfter).doesNotContain("张某");
        assertThat(plain.readTree(writtenAfter).get("summary").asText()).isEqualTo("pd1:REFERRAL/R-1:");
        assertThat(mapper.readValue(writtenAfter, CaseReferred.class).summary()).isEqualTo(PersonalData.ERASED);
        assertThat(keys.keys).as("no new key for an erased subject").containsEntry("REFERRAL/R-1", null);
    }

    @Test
    void eventsStoredInPlainTextBeforeEncryptionStillRead() throws Exception {
        String stored = plain.writeValueAsString(referred);

        assertThat(stored).contains("张某遭受家庭暴力");
        assertThat(mapper.readValue(stored, CaseReferred.class)).isEqualTo(referred);
    }

    @Test
    void anErasureReachesValuesStoredInPlainTextBeforeEncryptionToo() throws Exception {
        NeedsSurveyRecorded survey = new NeedsSurveyRecorded("N-2", "H-1", "之家", "鼓楼区",
                new SurveyDetails(LocalDate.of(2026, 11, 30), SurveyChannel.values()[0], 3, List.of(), "李阿姨"), AT);
        String oldReferral = plain.writeValueAsString(referred);
        String oldSurvey = plain.writeValueAsString(survey);

        protection.erase("REFERRAL/R-1");
        protection.erase("NEEDS_SURVEY/N-2");

        CaseReferred referral = mapper.readValue(oldReferral, CaseReferred.class);
        assertThat(referral.summary()).isEqualTo(PersonalData.ERASED);
        assertThat(referral.stationName()).isEqualTo("驿站");
        NeedsSurveyRecorded read = mapper.readValue(oldSurvey, NeedsSurveyRecorded.class);
        assertThat(read.details().freeText()).isEqualTo(PersonalData.ERASED);
        assertThat(read.details().respondentCount()).isEqualTo(3);
    }

    @Test
    void storedJsonIsOpenedWholeForTheAuditTrail() throws Exception {
        String stored = mapper.writeValueAsString(referred);

        assertThat(protection.openAll(stored)).contains("张某遭受家庭暴力，需要法律援助").contains("\"stationName\":\"驿站\"");
        protection.erase("REFERRAL/R-1");
        assertThat(protection.openAll(stored)).contains("\"summary\":\"已删除\"").doesNotContain("pd1:");
        assertThat(protection.openAll("{\"reason\":\"plain\"}")).isEqualTo("{\"reason\":\"plain\"}");
    }

    @Test
    void textThatOnlyLooksSealedIsPlainTextAndTheAuditTrailShowsItAsTyped() throws Exception {
        String sealed = plain.readTree(mapper.writeValueAsString(referred)).get("summary").asText();
        String forged = sealed.substring(0, sealed.lastIndexOf(':') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        for (String typed : List.of("pd1:", "pd1:x:abcd", "pd1:CAT/1:AAAA", "pd1:REFERRAL/R-1:AAAA",
                "pd1:REFERRAL/:")) {
            assertThat(protection.open(typed)).as(typed).isEqualTo(typed);
        }
        String json = "{\"description\":\"" + forged + "\",\"summary\":\"" + sealed + "\"}";
        assertThat(protection.openAll(json)).contains(forged).contains("张某遭受家庭暴力");
    }

    @Test
    void aSealedValueMovedToAnotherSubjectDoesNotOpen() throws Exception {
        String summary = plain.readTree(mapper.writeValueAsString(referred)).get("summary").asText();
        keys.keyToWrite("REFERRAL/R-2");
        String moved = summary.replace("REFERRAL/R-1", "REFERRAL/R-2");

        assertThatThrownBy(() -> protection.open(moved)).hasMessageContaining("does not open");
    }

    @Test
    void anAggregatesSnapshotSealsThePersonalValueItHolds() throws Exception {
        VolunteerState state = new VolunteerState();
        state.volunteerId = "V-9";
        state.name = "王芳";

        String snapshot = mapper.writeValueAsString(state);

        assertThat(plain.readTree(snapshot).get("name").asText()).startsWith("pd1:VOLUNTEER/V-9:");
        assertThat(mapper.readValue(snapshot, VolunteerState.class).name).isEqualTo("王芳");
    }

    /** Like an aggregate's state as its snapshot is written: fields, no record. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class VolunteerState {
        @DataSubject(DataSubjectKind.VOLUNTEER)
        String volunteerId;
        @PersonalData
        String name;
    }

    /** Keys in a map; a null value is an erased subject. */
    static final class MemoryKeys implements DataKeys {

        final Map<String, SecretKey> keys = new HashMap<>();

        @Override
        public Optional<SecretKey> keyToWrite(String subject) {
            if (!keys.containsKey(subject)) {
                keys.put(subject, newKey());
            }
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public Optional<SecretKey> keyToRead(String subject) {
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public boolean erased(String subject) {
            return keys.containsKey(subject) && keys.get(subject) == null;
        }

        @Override
        public boolean erase(String subject) {
            boolean erased = !keys.containsKey(subject) || keys.get(subject) != null;
            keys.put(subject, null);
            return erased;
        }

        private static SecretKey newKey() {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                return generator.generateKey();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
