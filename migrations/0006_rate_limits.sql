-- The shared store of the rate limits on PostgreSQL (lib/server/rate-limit/limiter.ts), in the shape
-- rate-limiter-flexible's RateLimiterPostgres reads and writes (it is told the table exists and never
-- runs DDL). `expire` is Unix milliseconds; the library deletes rows an hour past it.
CREATE TABLE IF NOT EXISTS "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");
