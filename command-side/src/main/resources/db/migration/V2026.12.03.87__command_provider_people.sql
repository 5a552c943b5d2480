-- The registry of federation staff and their units, for the people a service record names (see V2026.11.29.10 for
-- what registries are). Social workers and their stations are in cmd_social_worker (V2026.12.03.10), volunteers in
-- cmd_volunteer.

CREATE TABLE cmd_federation_staff (
    staff_id   VARCHAR(64) PRIMARY KEY,
    unit_id    VARCHAR(64) NOT NULL,
    unit_level VARCHAR(30) NOT NULL,
    -- Null above district level.
    district   VARCHAR(50)
);

-- Staff registered before this registry existed are written by replaying the event store through its handler at
-- start-up (command/common/RegistryRebuild): see docs/design/registry-rebuild.md.
