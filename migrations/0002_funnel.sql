ALTER TABLE "setup_links" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "abandoned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "renewal_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "setup_link_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "webhook_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "setup_links_silent_idx" ON "setup_links" USING btree ("last_activity_at") WHERE status = 'active' and abandoned_at is null;--> statement-breakpoint
CREATE INDEX "webhook_events_setup_link_idx" ON "webhook_events" USING btree ("setup_link_id","seq");--> statement-breakpoint
-- last_step used to hold the page's "connect" or Meta's own step name; it now holds LINK_STEPS.
UPDATE "setup_links" SET "last_step" = CASE
	WHEN "status" = 'used' THEN 'completed'
	WHEN "last_step" = 'connect' THEN 'facebook_opened'
	WHEN "whatsapp_setup_status" = 'failed' THEN 'failed'
	ELSE NULL END
WHERE "last_step" IS NOT NULL OR "status" = 'used';--> statement-breakpoint
-- Earlier events name their link in the payload: give them their timeline.
UPDATE "webhook_events" SET "setup_link_id" = COALESCE("payload"->'setup_link'->>'id', "payload"->>'setup_link_id')::uuid
WHERE "payload" ? 'setup_link' OR "payload" ? 'setup_link_id';
