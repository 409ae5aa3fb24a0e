CREATE TABLE "event_retention" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"pruned_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_owner_id_idx" ON "events" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "events_topic_id_idx" ON "events" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "events_created_at_idx" ON "events" USING btree ("created_at");--> statement-breakpoint
-- Order events written before this migration carried their owner in the payload.
UPDATE "events" SET "owner_id" = ("payload"->>'userId')::uuid, "payload" = "payload" - 'userId' WHERE "payload" ? 'userId';--> statement-breakpoint
INSERT INTO "event_retention" ("id", "pruned_through") VALUES (1, 0) ON CONFLICT DO NOTHING;
