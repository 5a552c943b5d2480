-- When a member was first admitted (business time), so that an offering is not dated before its member's admission.
ALTER TABLE cmd_alliance_member ADD COLUMN admitted_at TIMESTAMPTZ;

-- Members admitted before this column existed: their dates are written by replaying the event store through the
-- member registry's handlers at start-up (command/common/RegistryRebuild): see docs/design/registry-rebuild.md.
