-- Used attempt ids are stored by their nonce (lib/server/onboarding/attempt.ts): variants of one
-- id ("id.x") collapse into the first one used.
DELETE FROM "onboarding_attempts" a USING "onboarding_attempts" b
WHERE split_part(a."id", '.', 1) = split_part(b."id", '.', 1) AND a."id" > b."id";--> statement-breakpoint
UPDATE "onboarding_attempts" SET "id" = split_part("id", '.', 1) WHERE position('.' in "id") > 0;
