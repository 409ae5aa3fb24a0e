/**
 * npm run db:migrate — applies drizzle/ to DATABASE_URL, or to the embedded
 * database in PGLITE_DIR. Never run it against a PGlite directory that a
 * running server holds: PGlite has no lock.
 */
import { configuredTarget } from "@/server/db/client";
import { connect } from "@/server/db/connect";

const target = configuredTarget();
const connection = await connect(target);
try {
  await connection.migrate();
  process.stdout.write(
    `Migrations applied (${connection.driver}${target.kind === "pglite" ? ` in ${target.dir}` : ""}).\n`,
  );
} finally {
  await connection.close();
}
