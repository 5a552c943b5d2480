-- The dashboard counters are kept per station (rm_service_stats, rm_funding_stats) or per community home
-- (rm_needs_stats, rm_needs_survey_stats) as well as per district, and summed when read: a reach below a district
-- reads the counter rows of its stations instead of recounting the detailed rows by a second copy of the
-- projections' rules (Reach.counters). This migration recounts the existing counters from the detailed rows once,
-- as the projections count them; a rebuild gives the same rows.

-- Services: per station, district, station point, project and month (Asia/Shanghai).
DELETE FROM rm_service_stats;
ALTER TABLE rm_service_stats ADD COLUMN station_id VARCHAR(64) NOT NULL;
ALTER TABLE rm_service_stats DROP CONSTRAINT rm_service_stats_pkey;
ALTER TABLE rm_service_stats ADD PRIMARY KEY (station_id, district, station_point, project_code, month);
CREATE INDEX rm_service_stats_district ON rm_service_stats (district, month);
INSERT INTO rm_service_stats (station_id, district, station_point, project_code, project_name, month, services,
                              participants, satisfaction_sum, satisfaction_count)
SELECT station_id, district, station_point, project_code, max(project_name),
       to_char(delivered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), count(*), sum(participant_count),
       coalesce(sum(satisfaction), 0), count(satisfaction)
FROM rm_service_record WHERE NOT voided
GROUP BY station_id, district, station_point, project_code, to_char(delivered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM');

-- Funding: per station too; money received and allocations to projects belong to no station (station_id '').
DELETE FROM rm_funding_stats;
ALTER TABLE rm_funding_stats ADD COLUMN station_id VARCHAR(64) NOT NULL;
ALTER TABLE rm_funding_stats DROP CONSTRAINT rm_funding_stats_pkey;
ALTER TABLE rm_funding_stats ADD PRIMARY KEY (source, month, district, station_id);
CREATE INDEX rm_funding_stats_station ON rm_funding_stats (station_id);
INSERT INTO rm_funding_stats (source, month, district, station_id, received_fen, allocated_fen, spent_fen)
SELECT source, month, district, station_id, sum(received_fen), sum(allocated_fen), sum(spent_fen)
FROM (SELECT source, to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, '' AS district,
             '' AS station_id, received_fen, 0 AS allocated_fen, 0 AS spent_fen
      FROM rm_fund
      UNION ALL
      SELECT source, to_char(allocated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), coalesce(district, ''),
             coalesce(station_id, ''), 0, allocated_fen, 0
      FROM rm_fund_allocation
      UNION ALL
      SELECT a.source, to_char(e.spent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), coalesce(a.district, ''),
             coalesce(a.station_id, ''), 0, 0, e.amount_fen
      FROM rm_fund_expenditure e
      JOIN rm_fund_allocation a ON a.fund_id = e.fund_id AND a.allocation_id = e.allocation_id) counted
GROUP BY source, month, district, station_id;

-- Needs: per community home, district, (category and) month of the survey day.
DELETE FROM rm_needs_survey_stats;
ALTER TABLE rm_needs_survey_stats ADD COLUMN community_home_id VARCHAR(64) NOT NULL;
ALTER TABLE rm_needs_survey_stats DROP CONSTRAINT rm_needs_survey_stats_pkey;
ALTER TABLE rm_needs_survey_stats ADD PRIMARY KEY (community_home_id, district, month);
INSERT INTO rm_needs_survey_stats (community_home_id, district, month, surveys, respondents)
SELECT community_home_id, district, to_char(surveyed_on, 'YYYY-MM'), count(*), sum(respondent_count)
FROM rm_needs_survey WHERE NOT voided
GROUP BY community_home_id, district, to_char(surveyed_on, 'YYYY-MM');

DELETE FROM rm_needs_stats;
ALTER TABLE rm_needs_stats ADD COLUMN community_home_id VARCHAR(64) NOT NULL;
ALTER TABLE rm_needs_stats DROP CONSTRAINT rm_needs_stats_pkey;
ALTER TABLE rm_needs_stats ADD PRIMARY KEY (community_home_id, district, category_code, month);
INSERT INTO rm_needs_stats (community_home_id, district, category_code, category_name, month, needs, surveys)
SELECT s.community_home_id, s.district, n.category_code, max(n.category_name), to_char(s.surveyed_on, 'YYYY-MM'),
       sum(n.need_count), count(*)
FROM rm_needs_survey s JOIN rm_needs_survey_need n ON n.survey_id = s.survey_id
WHERE NOT s.voided
GROUP BY s.community_home_id, s.district, n.category_code, to_char(s.surveyed_on, 'YYYY-MM');
