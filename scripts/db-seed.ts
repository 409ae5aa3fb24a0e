/**
 * npm run db:seed [-- --force] — adds the demo products and accounts. Idempotent:
 * rows that exist (by slug or email) are left alone. Refuses NODE_ENV=production
 * unless --force is given, because the demo accounts have a published password.
 */
import { isProduction } from "@/env";
import { configuredTarget } from "@/server/db/client";
import { connect } from "@/server/db/connect";
import { seedDemoData } from "@/server/db/seed";

if (isProduction && !process.argv.includes("--force")) {
  process.stderr.write(
    "Refusing to seed a production database: the demo accounts have a published password.\n" +
      "Run `npm run db:seed -- --force` if you really mean it.\n",
  );
  process.exit(1);
}

const connection = await connect(configuredTarget());
try {
  await connection.migrate();
  const result = await seedDemoData(connection.db);
  process.stdout.write(`Seeded: ${result.productsCreated} products and ${result.usersCreated} accounts created.\n`);
} finally {
  await connection.close();
}
