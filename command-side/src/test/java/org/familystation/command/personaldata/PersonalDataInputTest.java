package org.familystation.command.personaldata;

import org.familystation.events.personaldata.DataSubjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.common.Refused.assertRefused;
import static org.familystation.command.personaldata.PersonalDataRefusals.*;

/** What an erasure refuses without looking at any key: read at the edge, before the command is sent. */
class PersonalDataInputTest {

    private static final String VOLUNTEER = "8c7b6a59-4e3d-4c2b-9a18-0f9e8d7c6b5a";

    @Test
    void readsTheKindByItsExactNameAndTrimsTheRest() {
        ErasePersonalData read = ErasePersonalData.read("VOLUNTEER", " " + VOLUNTEER + " ", " 本人申请 ");
        assertThat(read.subjectKind()).isEqualTo(DataSubjectKind.VOLUNTEER);
        assertThat(read.subjectId()).isEqualTo(VOLUNTEER);
        assertThat(read.reason()).isEqualTo("本人申请");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"PATIENT", "volunteer", " VOLUNTEER"})
    void refusesAKindThatIsNotOneOfTheSubjects(String kind) {
        assertRefused(SUBJECT_KIND_UNKNOWN, "subjectKind", () -> ErasePersonalData.read(kind, VOLUNTEER, "本人申请"));
    }

    @Test
    void refusesAMissingOrOverLongSubjectId() {
        assertRefused(SUBJECT_ID_REQUIRED, "subjectId", () -> ErasePersonalData.read("VOLUNTEER", " ", "本人申请"));
        assertRefused(SUBJECT_ID_REQUIRED, "subjectId", () -> ErasePersonalData.read("VOLUNTEER",
                "x".repeat(ErasePersonalData.MAX_ID + 1), "本人申请"));
    }

    @Test
    void refusesAMissingOrOverLongReason() {
        assertRefused(ERASURE_REASON_REQUIRED, "reason", () -> ErasePersonalData.read("VOLUNTEER", VOLUNTEER, null));
        assertRefused(ERASURE_REASON_REQUIRED, "reason", () -> ErasePersonalData.read("VOLUNTEER", VOLUNTEER,
                "因".repeat(ErasePersonalData.MAX_REASON + 1)));
    }
}
