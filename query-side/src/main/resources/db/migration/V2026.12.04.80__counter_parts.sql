-- The dashboard counters are kept in parts (CounterParts): an event adds to the part of its aggregate, so that a
-- processor's segments never write the same counter row and apply their batches side by side, with no lock; the
-- parts are summed when read, as the rows of the stations in reach already are. Existing rows become part 0: every
-- sum stays what it was (a rebuild spreads the same figures over the parts of their aggregates).
ALTER TABLE rm_service_stats ADD COLUMN part SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE rm_service_stats ALTER COLUMN part DROP DEFAULT;
ALTER TABLE rm_service_stats DROP CONSTRAINT rm_service_stats_pkey;
ALTER TABLE rm_service_stats ADD PRIMARY KEY (station_id, district, station_point, project_code, month, part);

ALTER TABLE rm_funding_stats ADD COLUMN part SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE rm_funding_stats ALTER COLUMN part DROP DEFAULT;
ALTER TABLE rm_funding_stats DROP CONSTRAINT rm_funding_stats_pkey;
ALTER TABLE rm_funding_stats ADD PRIMARY KEY (source, month, district, station_id, part);

ALTER TABLE rm_needs_survey_stats ADD COLUMN part SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE rm_needs_survey_stats ALTER COLUMN part DROP DEFAULT;
ALTER TABLE rm_needs_survey_stats DROP CONSTRAINT rm_needs_survey_stats_pkey;
ALTER TABLE rm_needs_survey_stats ADD PRIMARY KEY (community_home_id, district, month, part);

ALTER TABLE rm_needs_stats ADD COLUMN part SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE rm_needs_stats ALTER COLUMN part DROP DEFAULT;
ALTER TABLE rm_needs_stats DROP CONSTRAINT rm_needs_stats_pkey;
ALTER TABLE rm_needs_stats ADD PRIMARY KEY (community_home_id, district, category_code, month, part);
