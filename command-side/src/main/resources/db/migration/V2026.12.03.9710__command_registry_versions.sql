-- The version each command-side registry was last built at (command/common/Registry, RegistryRebuild): a registry
-- whose code declares a newer one, or that has no row here, is emptied and rebuilt by replaying the event store
-- through its own handlers as the application starts. Created empty, so every registry of an existing installation
-- is rebuilt once by its handlers: that replaces the copies earlier migrations made with SQL of their own.
CREATE TABLE cmd_registry_version (
    registry VARCHAR(100) PRIMARY KEY,
    version  INTEGER      NOT NULL,
    built_at TIMESTAMPTZ  NOT NULL
);
