package org.familystation.command.importing;

import org.familystation.command.funding.Amount;
import org.familystation.command.funding.ReceiveFunds;
import org.familystation.command.needs.RecordNeedsSurvey;
import org.familystation.command.needs.SurveyEntry.Need;
import org.familystation.command.servicerecord.RecordService;
import org.familystation.command.common.FixedClock;
import org.familystation.command.servicerecord.ParticipantCount;
import org.familystation.command.servicerecord.Satisfaction;
import org.familystation.command.servicerecord.ServiceRecordRefusals;
import org.familystation.events.common.FundingSource;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.VolunteerTime;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.input.NetworkDates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a sheet's cells become the commands the API sends: times in Shanghai, yuan to fen, labels to codes. */
class ImportRowTest {

    private static final String ID = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

    private static ImportRow row(ImportKind kind, String... cells) {
        return new ImportRow(2, Arrays.asList(cells), kind.rows().columns(), new NetworkDates(), FixedClock.CLOCK);
    }

    @Test
    void aServiceRowIsTheApisRecordServiceWithTimesInShanghaiAndLabelsAsCodes() {
        RecordService command = (RecordService) ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES,
                "station-1", "情感驿站", "PSYCHOLOGICAL_COUNSELLING", "社工", "", "sw-1；sw-2", "", "v-1:90、v-2：45",
                "2025-03-08 09:30", "12", "心理疏导", "", "5"));
        assertThat(command.serviceRecordId()).isEqualTo(ID);
        assertThat(command.stationId()).isEqualTo("station-1");
        assertThat(command.service().stationPoint()).isEqualTo(StationPoint.EMOTIONAL);
        assertThat(command.service().providerKind()).isEqualTo(ProviderKind.SOCIAL_WORKER);
        assertThat(command.service().providerMemberId()).isNull();
        assertThat(command.service().socialWorkerIds()).containsExactly("sw-1", "sw-2");
        assertThat(command.service().staffIds()).isEmpty();
        assertThat(command.service().volunteers()).containsExactly(new VolunteerTime("v-1", 90),
                new VolunteerTime("v-2", 45));
        assertThat(command.service().deliveredAt()).isEqualTo(Instant.parse("2025-03-08T01:30:00Z"));
        assertThat(command.service().participantCount()).isEqualTo(new ParticipantCount(12));
        assertThat(command.service().satisfaction()).isEqualTo(new Satisfaction(5));
        assertThat(command.service().feedback()).isNull();
    }

    @Test
    void readsSecondsWhenTheCellHasThem() {
        RecordService command = (RecordService) ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES,
                "s", "情感驿站", "P", "SOCIAL_WORKER", "", "sw-1", "", "", "2025-03-08 09:30:15", "1", "内容"));
        assertThat(command.service().deliveredAt()).isEqualTo(Instant.parse("2025-03-08T01:30:15Z"));
    }

    @Test
    void anUnknownLabelIsRefusedAsTheApiRefusesIt() {
        assertThatThrownBy(() -> ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES, "s", "别的驿站",
                "P", "SOCIAL_WORKER", "", "sw-1", "", "", "2025-03-08 09:30", "1", "内容")))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.refusal()).isEqualTo(ServiceRecordRefusals.STATION_POINT_UNKNOWN);
                    assertThat(refusal.field()).contains("stationPoint");
                    assertThat(refusal.userMessage()).contains("别的驿站");
                });
    }

    @Test
    void fundsAreYuanWithTwoDecimalsCarriedAsFen() {
        ReceiveFunds command = (ReceiveFunds) ImportKind.FUNDS.rows().command(ID, row(ImportKind.FUNDS,
                "社会资助", "基金会", "¥50,000.5", "2025-03-08T09:30", null));
        assertThat(command.source()).isEqualTo(FundingSource.SOCIAL_DONATION);
        assertThat(command.amount()).isEqualTo(new Amount(5_000_050L));
        refused(() -> ImportKind.FUNDS.rows().command(ID, row(ImportKind.FUNDS, "社会资助", "基金会",
                "12.345", "2025-03-08 09:30")), "金额（元）", "12.345");
    }

    @Test
    void needsAreCategoryCountPairs() {
        RecordNeedsSurvey command = (RecordNeedsSurvey) ImportKind.NEEDS_SURVEYS.rows().command(ID,
                row(ImportKind.NEEDS_SURVEYS, "home", "2025-03-08", "社区走访", "30",
                        "HOUSEKEEPING:12； FAMILY_EDUCATION：5"));
        assertThat(command.survey().surveyedOn()).isEqualTo(LocalDate.of(2025, 3, 8));
        assertThat(command.survey().channel()).isEqualTo(SurveyChannel.COMMUNITY_VISIT);
        assertThat(command.survey().needs()).containsExactly(new Need("HOUSEKEEPING", 12),
                new Need("FAMILY_EDUCATION", 5));
        refused(() -> ImportKind.NEEDS_SURVEYS.rows().command(ID, row(ImportKind.NEEDS_SURVEYS, "home",
                "2025-03-08", "社区走访", "30", "家政很多")), "需求", "家政很多");
    }

    @Test
    void aCellThatCannotBeReadRefusesTheRowNamingItsColumn() {
        refused(() -> ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES, "s", "情感驿站", "P",
                "社工", "", "sw-1", "", "", "2025/3/8", "1", "内容")), "服务时间", "2025/3/8");
        refused(() -> ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES, "s", "情感驿站", "P",
                "社工", "", "sw-1", "", "", "2025-03-08 09:30", "12.5", "内容")), "服务人数", "12.5");
        refused(() -> ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES, "s", "情感驿站", "P",
                "巾帼志愿者", "", "", "", "v-1 一个半小时", "2025-03-08 09:30", "1", "内容")), "志愿者及时长",
                "v-1 一个半小时");
        // Before the network began is no date to record.
        refused(() -> ImportKind.SERVICES.rows().command(ID, row(ImportKind.SERVICES, "s", "情感驿站", "P",
                "社工", "", "sw-1", "", "", "1999-03-08 09:30", "1", "内容")), "服务时间", "1999-03-08 09:30");
    }

    @Test
    void aRowsIdIsTheSameForTheSameRowAndDiffersOtherwise() {
        List<String> cells = List.of("a", "b");
        assertThat(ImportJobs.rowId(ImportKind.SERVICES, 2, cells))
                .isEqualTo(ImportJobs.rowId(ImportKind.SERVICES, 2, List.of("a", "b")))
                .isNotEqualTo(ImportJobs.rowId(ImportKind.SERVICES, 3, cells))
                .isNotEqualTo(ImportJobs.rowId(ImportKind.FUNDS, 2, cells))
                .isNotEqualTo(ImportJobs.rowId(ImportKind.SERVICES, 2, List.of("a", "c")));
    }

    private static void refused(Runnable parse, String column, String value) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("IMPORT_CELL_INVALID");
            assertThat(refusal.field()).contains(column);
            assertThat(refusal.userMessage()).contains(column).contains(value);
            assertThat(refusal.userMessageEn()).contains(value).contains("is invalid");
        });
    }
}
