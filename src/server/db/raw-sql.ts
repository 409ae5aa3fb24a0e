import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { ExecuteSql } from "./types";

type Row = Record<string, unknown>;

/** Parameters as both drivers take them: no `undefined` (postgres.js refuses it), objects as JSON text. */
export function plainParameters(values: readonly unknown[]): unknown[] {
  return values.map((value) => {
    if (value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value);
    return value;
  });
}

/** Raw SQL on the embedded database: parameterised statements one at a time, plain scripts whole. */
export function pgliteExecutor(client: PGlite): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) return client.query<Row>(text, plainParameters(values));
    try {
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Row[] };
    } catch (error) {
      // A script that opened a transaction and failed leaves it open and aborted: end it.
      await client.exec("rollback").catch(() => undefined);
      throw error;
    }
  };
}

/**
 * Raw SQL on a postgres.js pool or connection. A script of several statements goes through the
 * simple protocol on a connection reserved for it: scripts may hold their own BEGIN … COMMIT,
 * which postgres.js allows on a pool only that way.
 */
export function postgresExecutor(client: Sql): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) {
      const rows = await client.unsafe<Row[]>(text, plainParameters(values) as never[]);
      return { rows: [...rows] };
    }
    const reserved = await client.reserve();
    let result: unknown;
    try {
      result = await reserved.unsafe(text).simple();
    } catch (error) {
      // A script that opened a transaction and failed leaves it open and aborted; the
      // connection goes back to the pool, so end it first.
      await reserved.unsafe("rollback").catch(() => undefined);
      throw error;
    } finally {
      reserved.release();
    }
    // A script answers with one row list per statement; a single statement with its rows.
    const last = Array.isArray(result) && result.length > 0 && Array.isArray(result.at(-1)) ? result.at(-1) : result;
    return { rows: Array.isArray(last) ? [...(last as Row[])] : [] };
  };
}
