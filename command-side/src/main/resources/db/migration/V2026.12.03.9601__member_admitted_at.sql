-- When a member was first admitted (business time), so that an offering is not dated before its member's admission.
ALTER TABLE cmd_alliance_member ADD COLUMN admitted_at TIMESTAMPTZ;

-- Members admitted before this column existed: the date from their first admission event.
UPDATE cmd_alliance_member m
SET admitted_at = a.admitted_at
FROM (SELECT aggregate_identifier, min((convert_from(payload, 'UTF8')::jsonb ->> 'admittedAt')::timestamptz) AS admitted_at
      FROM domain_event_entry
      WHERE payload_type = 'org.familystation.events.alliance.AllianceMemberAdmitted'
      GROUP BY aggregate_identifier) a
WHERE m.member_id = a.aggregate_identifier;
