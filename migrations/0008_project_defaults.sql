-- A project's default theme (lib/server/projects/theme.ts): copied into each link created
-- without its own colours, so changing it later leaves existing links as they are. NULL: none.
-- The older "default_theme" column was never written by the service; any value put there by
-- hand becomes the new default, and the old column goes.
ALTER TABLE "projects" ADD COLUMN "default_theme_config" jsonb;--> statement-breakpoint
UPDATE "projects" SET "default_theme_config" = "default_theme" WHERE "default_theme" <> '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "projects" DROP COLUMN "default_theme";
