import type { OpenApiMethod } from "trpc-to-openapi";
import { listProcedures } from "../procedures";
import { appRouter } from "../root";
import type { RestMeta } from "../trpc";

/** One REST operation: a method and path template served by one procedure. */
export interface RestOperation {
  method: OpenApiMethod;
  /** As documented, e.g. `/orders/{id}`. */
  pathTemplate: string;
  procedurePath: string;
  rest: RestMeta;
  /** Documented failures: status → what it means for this operation. */
  errorResponses: Record<string, string>;
  matcher: RegExp;
  pathParams: string[];
}

function compile(pathTemplate: string): { matcher: RegExp; pathParams: string[] } {
  const pathParams: string[] = [];
  const pattern = pathTemplate
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      pathParams.push(param[1]);
      return "([^/]+)";
    })
    .join("/");
  return { matcher: new RegExp(`^${pattern}/?$`), pathParams };
}

/** The REST table, read once from the procedures' `openapi` meta: the same source the document is generated from. */
export const restOperations: RestOperation[] = listProcedures(appRouter).flatMap(({ path, meta }) => {
  const openapi = meta?.openapi;
  if (!openapi || openapi.enabled === false) return [];
  return [
    {
      method: openapi.method,
      pathTemplate: openapi.path,
      procedurePath: path,
      rest: meta.rest ?? {},
      errorResponses: Array.isArray(openapi.errorResponses) ? {} : { ...openapi.errorResponses },
      ...compile(openapi.path),
    },
  ];
});
