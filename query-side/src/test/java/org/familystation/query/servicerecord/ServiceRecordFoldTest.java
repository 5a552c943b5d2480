package org.familystation.query.servicerecord;

import org.familystation.events.common.Provider;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a service record's events, the record they leave ({@link ServiceRecordFold}) and what it counts for in the
 * figures ({@link ServiceFigures}).
 */
class ServiceRecordFoldTest {

    private static final Instant RECORDED = Instant.parse("2024-03-31T17:00:00Z");
    private static final Instant LATER = Instant.parse("2024-04-02T02:00:00Z");
    private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
    private static final ServiceDetails RATED = details(Instant.parse("2024-03-31T16:30:00Z"), 12, 5);
    private static final ServiceRecorded RECORDING =
            new ServiceRecorded("sr-1", "st-1", "幸福驿站", "玄武区", RATED, RECORDED);

    @Test
    void aRecordingMakesAStandingRecord() {
        ServiceRecordState record = fold(RECORDING);

        assertThat(record).isEqualTo(new ServiceRecordState("sr-1", "st-1", "幸福驿站", "玄武区", RATED, RECORDED, 0,
                false, null));
        assertThat(ServiceRecordFold.stands(record)).isTrue();
    }

    @Test
    void aCorrectionReplacesTheDetailsAndIsCounted() {
        ServiceDetails corrected = details(LATER, 8, null);

        ServiceRecordState record = fold(RECORDING, correction(corrected), correction(RATED));

        assertThat(record.details()).isEqualTo(RATED);
        assertThat(record.correctionCount()).isEqualTo(2);
        assertThat(fold(RECORDING, correction(corrected)).details()).isEqualTo(corrected);
    }

    @Test
    void aVoidedRecordKeepsItsDetailsAndNoLongerStands() {
        ServiceRecordState record = fold(RECORDING, new ServiceRecordVoided("sr-1", "st-1", "重复录入", LATER));

        assertThat(record.voided()).isTrue();
        assertThat(record.voidReason()).isEqualTo("重复录入");
        assertThat(record.details()).isEqualTo(RATED);
        assertThat(ServiceRecordFold.stands(record)).isFalse();
    }

    @Test
    void aRecordIsMadeOnceAndAnUnknownOneIsNeitherCorrectedNorVoided() {
        assertThat(fold(RECORDING, correction(details(LATER, 8, null)), RECORDING))
                .isEqualTo(fold(RECORDING, correction(details(LATER, 8, null))));
        assertThat(fold(correction(RATED))).isNull();
        assertThat(ServiceRecordFold.stands(null)).isFalse();
    }

    @Test
    void aStandingRecordCountsOneServiceItsParticipantsAndItsRatingIfRated() {
        ServiceRecordState unrated = fold(RECORDING, correction(details(LATER, 8, null)));

        assertThat(ServiceFigures.of(fold(RECORDING))).isEqualTo(new ServiceFigures(1, 12, 5, 1));
        assertThat(ServiceFigures.of(unrated)).isEqualTo(new ServiceFigures(1, 8, 0, 0));
        assertThat(ServiceFigures.of(fold(RECORDING, new ServiceRecordVoided("sr-1", "st-1", "重复录入", LATER))))
                .isEqualTo(ServiceFigures.NONE);
    }

    @Test
    void figuresAreAddedAndTakenAway() {
        ServiceFigures rated = ServiceFigures.of(fold(RECORDING));

        assertThat(rated.plus(rated, 1)).isEqualTo(new ServiceFigures(2, 24, 10, 2));
        assertThat(rated.plus(rated, -1)).isEqualTo(ServiceFigures.NONE);
        assertThat(ServiceFigures.NONE.plus(rated, -1)).isEqualTo(new ServiceFigures(-1, -12, -5, -1));
    }

    @Test
    void aRecordCountsInTheMonthOfItsDeliveryInTheUsersCalendar() {
        // 2024-03-31T16:30Z is already 1 April in Nanjing.
        assertThat(ServiceFigures.month(RATED, NANJING)).isEqualTo("2024-04");
        assertThat(ServiceFigures.month(RATED, ZoneId.of("UTC"))).isEqualTo("2024-03");
    }

    private static ServiceRecordCorrected correction(ServiceDetails corrected) {
        return new ServiceRecordCorrected("sr-1", "st-1", corrected, List.of("participantCount"), "更正", LATER);
    }

    private static ServiceDetails details(Instant deliveredAt, int participants, Integer satisfaction) {
        return new ServiceDetails(StationPoint.EMOTIONAL, "PSYCHOLOGICAL_COUNSELLING", "心理咨询",
                Provider.member("m-1", "安心家政"), deliveredAt, participants, "团体辅导", null, satisfaction, null);
    }

    private static ServiceRecordState fold(ServiceRecordEvent... events) {
        ServiceRecordState record = null;
        for (ServiceRecordEvent event : events) {
            record = ServiceRecordFold.evolve(record, event);
        }
        return record;
    }
}
