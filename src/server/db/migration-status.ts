import { bigint, pgSchema, text } from "drizzle-orm/pg-core";
import { desc } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrationsFolder } from "./migrate";
import type { Db } from "./types";

/** Where drizzle's migrator records what it applied (its defaults; see migrate.ts). */
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

/** The newest migration committed in drizzle/, by its folder timestamp (read once per process). */
let newestCommitted: number | undefined;

function newestCommittedMigration(): number {
  newestCommitted ??= Math.max(
    0,
    ...readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis),
  );
  return newestCommitted;
}

/** True when the database has every migration this build ships (drizzle applies them in order). */
export async function migrationsAreApplied(db: Db): Promise<boolean> {
  const [newest] = await db
    .select({ createdAt: appliedMigrations.createdAt })
    .from(appliedMigrations)
    .orderBy(desc(appliedMigrations.createdAt))
    .limit(1);
  return (newest?.createdAt ?? 0) >= newestCommittedMigration();
}
