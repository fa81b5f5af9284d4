-- The completion lease (lib/server/setup-links/lease.ts): one completion at a time may change
-- anything at Meta for a link. And the PIN a dedicated number is registered with, stored
-- (encrypted) before Meta's register call, so a retry registers with the same PIN.
ALTER TABLE "setup_links" ADD COLUMN "completion_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "completion_lease_id" text;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "pending_pin_enc" text;
