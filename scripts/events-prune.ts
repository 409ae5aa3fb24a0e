/**
 * npm run events:prune — deletes outbox events older than EVENT_RETENTION_HOURS
 * from DATABASE_URL, recording how far it went (as every app process does every
 * ten minutes). For serverless hosts, where short-lived instances may never run
 * their own pruning: schedule it.
 */
import { env } from "@/env";
import { configuredTarget } from "@/server/db/client";
import { connect } from "@/server/db/connect";
import { pruneEvents } from "@/server/events/retention";

const connection = await connect(configuredTarget());
try {
  const pruned = await pruneEvents(connection.db, new Date(Date.now() - env.EVENT_RETENTION_HOURS * 3_600_000));
  process.stdout.write(`Pruned ${pruned} events older than ${env.EVENT_RETENTION_HOURS} h.\n`);
} finally {
  await connection.close();
}
