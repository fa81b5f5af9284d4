CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisioned_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"customer_id" uuid,
	"setup_link_id" uuid,
	"status" text DEFAULT 'purchasing' NOT NULL,
	"claimed_until" timestamp with time zone,
	"own_account" boolean DEFAULT false NOT NULL,
	"twilio_sid" text,
	"phone_number" text,
	"area_code" text,
	"country_iso" text,
	"country_dial_code" text,
	"display_number" text,
	"last_code_enc" text,
	"last_code_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"release_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"phone_number" text NOT NULL,
	"status" text DEFAULT 'pending_activation' NOT NULL,
	"activation_code" text NOT NULL,
	"activated_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "twilio_account_sid" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "twilio_auth_token_enc" text;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "reconnect_phone_number" text;--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "reconnect_whatsapp_config_id" uuid;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioned_numbers" ADD CONSTRAINT "provisioned_numbers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioned_numbers" ADD CONSTRAINT "provisioned_numbers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioned_numbers" ADD CONSTRAINT "provisioned_numbers_setup_link_id_setup_links_id_fk" FOREIGN KEY ("setup_link_id") REFERENCES "public"."setup_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_sessions" ADD CONSTRAINT "sandbox_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_sessions" ADD CONSTRAINT "sandbox_sessions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agents_project_created_idx" ON "agents" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "provisioned_numbers_setup_link_key" ON "provisioned_numbers" USING btree ("setup_link_id");--> statement-breakpoint
CREATE INDEX "provisioned_numbers_phone_idx" ON "provisioned_numbers" USING btree ("phone_number");--> statement-breakpoint
CREATE INDEX "provisioned_numbers_active_idx" ON "provisioned_numbers" USING btree ("created_at") WHERE status <> 'released';--> statement-breakpoint
CREATE INDEX "sandbox_sessions_project_created_idx" ON "sandbox_sessions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_sessions_one_live_per_phone" ON "sandbox_sessions" USING btree ("project_id","phone_number") WHERE status in ('pending_activation', 'active');--> statement-breakpoint
CREATE INDEX "sandbox_sessions_phone_idx" ON "sandbox_sessions" USING btree ("phone_number","status");