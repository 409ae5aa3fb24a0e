/**
 * L0: the practical limit for "a request that reads PostgreSQL" on this
 * machine. Bare node:http and postgres.js, the catalog's first-page query as
 * a prepared statement, the rows as JSON: no framework, no validation. The
 * bench divides every scenario by this server's rate in the same pass.
 *
 * Usage: DATABASE_URL=postgres://… PORT=3290 node --import tsx bench/baseline/l0-server.ts
 */
import { createServer } from "node:http";
import postgres from "postgres";
import { z } from "zod";

const { DATABASE_URL: databaseUrl, PORT: port } = z
  .object({ DATABASE_URL: z.url("L0 needs DATABASE_URL"), PORT: z.coerce.number().int().default(3290) })
  .parse(process.env);

const sql = postgres(databaseUrl, { max: 10, prepare: true, onnotice: () => undefined });

const server = createServer((request, response) => {
  if (request.url === "/api/ready") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}');
    return;
  }
  sql`select id, slug, name, description, price_cents, stock, image_url, created_at
      from products where active order by created_at desc, id desc limit 21`.then(
    (rows) => {
      const items = rows.slice(0, 20).map((row) => ({ ...row, currency: "USD" }));
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items }));
    },
    (error: unknown) => {
      response.writeHead(500).end(String(error));
    },
  );
});

server.listen(port, "127.0.0.1");
const stop = () => {
  server.close();
  void sql.end({ timeout: 1 });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
