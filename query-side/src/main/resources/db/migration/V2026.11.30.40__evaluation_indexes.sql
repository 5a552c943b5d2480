-- Evaluations count by day over any set of stations, including all of them: what the row tables need to be read
-- by period alone (the existing indexes lead with a station, a district or a volunteer).
CREATE INDEX rm_service_record_delivered ON rm_service_record (delivered_at) WHERE NOT voided;
CREATE INDEX rm_volunteer_hours_delivered ON rm_volunteer_hours (delivered_at, station_id);
CREATE INDEX rm_needs_survey_surveyed ON rm_needs_survey (surveyed_on) WHERE NOT voided;
CREATE INDEX rm_referral_referred ON rm_referral (referred_at);
