import { openApiDocument } from "./openapi-document";
import type { RestOperation } from "./operations";

type ParamType = "integer" | "number" | "boolean" | "string" | "array";

interface OperationShape {
  /** The procedure takes no input at all (z.void()). */
  voidInput: boolean;
  /** Query parameters and the JSON type each must become. */
  query: Map<string, { type: ParamType; items?: ParamType }>;
}

const shapes = new Map<RestOperation, OperationShape>();

/** What the published document says an operation takes: the REST face reads its own contract. */
export function operationShape(operation: RestOperation): OperationShape {
  let shape = shapes.get(operation);
  if (shape) return shape;
  const entry = (
    openApiDocument().paths?.[operation.pathTemplate] as Record<string, Record<string, unknown>> | undefined
  )?.[operation.method.toLowerCase()];
  const parameters = (entry?.parameters ?? []) as { in: string; name: string; schema?: Record<string, unknown> }[];
  const query = new Map<string, { type: ParamType; items?: ParamType }>();
  for (const parameter of parameters) {
    if (parameter.in !== "query") continue;
    const schema = parameter.schema ?? {};
    query.set(parameter.name, {
      type: (schema.type as ParamType | undefined) ?? "string",
      items: ((schema.items as Record<string, unknown> | undefined)?.type as ParamType | undefined) ?? undefined,
    });
  }
  const hasHeaderInputs = Object.keys(operation.rest.headerInputs ?? {}).length > 0;
  shape = {
    voidInput: !entry?.requestBody && parameters.length === 0 && !hasHeaderInputs,
    query,
  };
  shapes.set(operation, shape);
  return shape;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A query string value as the JSON type the contract declares; anything else is left for zod to refuse. */
function convert(value: string, type: ParamType | undefined): unknown {
  if ((type === "integer" || type === "number") && NUMBER.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** GET and DELETE input from the query string, typed by the document rather than guessed. */
export function queryInput(operation: RestOperation, params: URLSearchParams): Record<string, unknown> {
  const { query } = operationShape(operation);
  const input: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const declared = query.get(name);
    if (declared?.type === "array") input[name] = params.getAll(name).map((value) => convert(value, declared.items));
    else input[name] = convert(params.get(name) ?? "", declared?.type);
  }
  return input;
}
