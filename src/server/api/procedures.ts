import type { AnyRouter } from "@trpc/server";
import type { Meta } from "./trpc";

export interface ProcedureEntry {
  /** The dotted path clients call, e.g. `orders.byId`. */
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: Partial<Meta> | undefined;
}

/** Every procedure of a router, flattened: what the REST face, the docs and the access test walk. */
export function listProcedures(router: AnyRouter): ProcedureEntry[] {
  const procedures = router._def.procedures as Record<string, { _def: { type: ProcedureEntry["type"]; meta?: Meta } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta,
  }));
}
