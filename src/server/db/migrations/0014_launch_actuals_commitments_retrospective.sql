ALTER TABLE "audit_events" ADD COLUMN "market_code" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "entity_label" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launch_grace_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "respond_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "post_url" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "post_source" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "posted_by" uuid;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "override_by" uuid;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "override_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "done_by" uuid;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_campaign_market_idx" ON "audit_events" USING btree ("campaign_id","market_code","id");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_events" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "engagements_post_url_idx" ON "engagements" USING btree ("campaign_id","post_url");--> statement-breakpoint
-- Tasks finished before done_at existed: their last change is the best record of when.
UPDATE "tasks" SET "done_at" = "updated_at" WHERE "status" = 'done' AND "done_at" IS NULL;
