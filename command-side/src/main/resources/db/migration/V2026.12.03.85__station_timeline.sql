-- A station's dated changes (business time: when they happened, as the user said), so that rules of other
-- aggregates can ask what the station was at a date (a service is delivered while the station was open, at a point
-- active then). Written by the station registry's handler; one row per station event, keyed by its sequence.

CREATE TABLE cmd_station_change (
    station_id      VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    change          VARCHAR(20)  NOT NULL,
    points          VARCHAR(200),
    effective_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (station_id, sequence_number)
);

-- Stations opened before this table existed: their changes copied from the event store as the handler would have
-- written them. Their dates were then always the moment of recording, the event's own field.
INSERT INTO cmd_station_change (station_id, sequence_number, change, points, effective_at)
SELECT e.aggregate_identifier, e.sequence_number,
       CASE e.payload_type
           WHEN 'org.familystation.events.station.StationOpened' THEN 'OPENED'
           WHEN 'org.familystation.events.station.StationSuspended' THEN 'SUSPENDED'
           WHEN 'org.familystation.events.station.StationReopened' THEN 'REOPENED'
           WHEN 'org.familystation.events.station.StationClosed' THEN 'CLOSED'
           WHEN 'org.familystation.events.station.StationPointActivated' THEN 'POINT_ACTIVATED'
           ELSE 'POINT_DEACTIVATED' END,
       CASE e.payload_type
           WHEN 'org.familystation.events.station.StationOpened'
               THEN (SELECT string_agg(point, ',' ORDER BY point) FROM jsonb_array_elements_text(e.p -> 'activePoints') point)
           WHEN 'org.familystation.events.station.StationPointActivated' THEN e.p ->> 'point'
           WHEN 'org.familystation.events.station.StationPointDeactivated' THEN e.p ->> 'point'
           ELSE '' END,
       COALESCE(e.p ->> 'openedAt', e.p ->> 'suspendedAt', e.p ->> 'reopenedAt', e.p ->> 'closedAt',
                e.p ->> 'activatedAt', e.p ->> 'deactivatedAt')::timestamptz
FROM (SELECT aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8')::jsonb AS p
      FROM domain_event_entry
      WHERE payload_type IN ('org.familystation.events.station.StationOpened',
                             'org.familystation.events.station.StationSuspended',
                             'org.familystation.events.station.StationReopened',
                             'org.familystation.events.station.StationClosed',
                             'org.familystation.events.station.StationPointActivated',
                             'org.familystation.events.station.StationPointDeactivated')) e
ON CONFLICT DO NOTHING;
