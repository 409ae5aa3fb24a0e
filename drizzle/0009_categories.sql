CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Every product needs a category: existing ones (and new ones made without one) start in this one (GENERAL_CATEGORY_ID).
INSERT INTO "categories" ("id", "slug", "name", "position") VALUES ('00000000-0000-4000-8000-000000000001', 'general', 'General', 1000);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "category_id" uuid DEFAULT '00000000-0000-4000-8000-000000000001' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_slug_key" ON "categories" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_active_category_newest_idx" ON "products" USING btree ("category_id","created_at","id") WHERE "products"."active";