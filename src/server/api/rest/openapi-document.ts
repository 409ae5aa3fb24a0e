import { generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from "trpc-to-openapi";
import { appRouter } from "../root";
import { restOperations } from "./operations";

export const API_VERSION = "1.0.0";

type JsonObject = Record<string, unknown>;

const errorSchema = {
  type: "object",
  description: "Every error has this shape, whatever the status.",
  required: ["code", "message"],
  additionalProperties: false,
  properties: {
    code: {
      type: "string",
      description: "The error's name, the same as on the tRPC face.",
      examples: ["BAD_REQUEST", "UNAUTHORIZED", "NOT_FOUND", "CONFLICT"],
    },
    message: { type: "string", description: "A sentence a person can act on." },
    issues: {
      type: "array",
      description: "For invalid input: which field is wrong and why.",
      items: {
        type: "object",
        required: ["path", "message"],
        additionalProperties: false,
        properties: {
          path: { type: "string", description: "Dotted field path, e.g. `productId`." },
          message: { type: "string" },
        },
      },
    },
    details: {
      type: "object",
      description: "Safe facts about the failure, e.g. `productIds` that ran out or `retryAfterSeconds`.",
      additionalProperties: true,
    },
  },
  example: {
    code: "BAD_REQUEST",
    message: "Invalid input. quantity: Quantity cannot be negative",
    issues: [{ path: "quantity", message: "Quantity cannot be negative" }],
  },
};

const description = `The Storefront shop over plain HTTP and JSON, served by the same procedures as the web shop.

**Authentication.** Get a token with \`POST /auth/token\` (email and password) and send it as
\`Authorization: Bearer <token>\`. Tokens carry scopes (\`read\`, \`orders\`, \`account\`, \`admin\`); a call the token's
scopes do not cover is 403. A signed-in browser session cookie works too. Operations marked as needing
no authentication are public.

**Conventions.** Money is integer cents with a \`currency\`; dates are ISO 8601 strings in UTC; lists are
keyset-paginated (\`nextCursor\` → \`cursor\`). Errors are \`{ code, message, issues?, details? }\`. Rate-limited
answers are 429 with \`Retry-After\` (seconds); while the database is unavailable, answers are 503 with
\`Retry-After\`.

**Versioning.** Everything under \`/api/v1\` only changes in backward-compatible ways: new operations, new
optional inputs, new output fields. Breaking changes would come as \`/api/v2\`, served beside v1.

**Reference.** This document is served at \`/api/openapi.json\` and browsable at \`/api/docs\`.`;

const tags = [
  {
    name: "Authentication",
    description:
      "Exchange an email and password for an API token; reset a forgotten password and verify an address through the links the shop mails.",
  },
  {
    name: "Account",
    description:
      "The account the session or token belongs to. Exporting or deleting it needs a token with the `account` scope.",
  },
  { name: "Catalog", description: "Products and categories. Public: no authentication needed." },
  { name: "Cart", description: "The caller's cart. A token reads it with the `read` scope, changes it with `orders`." },
  {
    name: "Orders",
    description: "Place, list, read and cancel the caller's orders. A token reads with `read`, changes with `orders`.",
  },
  {
    name: "Admin",
    description:
      "Running the store, for administrators only (a token needs the `admin` scope): discount codes. Every change is audited.",
  },
];

/** Post-processing trpc-to-openapi cannot express: our error shape, 201 + Location, header-only inputs, explicit public security. */
function refine(document: OpenAPIObject): OpenAPIObject {
  const paths = (document.paths ?? {}) as Record<string, Record<string, JsonObject>>;
  for (const operation of restOperations) {
    const entry = paths[operation.pathTemplate]?.[operation.method.toLowerCase()];
    if (!entry) continue;
    const responses = entry.responses as Record<string, JsonObject>;
    if (!entry.security) entry.security = [];
    const failures: Record<string, string> = {
      // Every operation passes a rate-limit tier (reads or writes), so every one can answer 429.
      429: "Too many requests: wait the seconds in Retry-After",
      ...operation.errorResponses,
      ...(["POST", "PUT", "PATCH"].includes(operation.method)
        ? { 413: "The body is larger than 1 MiB", 415: "The body is not application/json" }
        : {}),
      500: "Something went wrong on the server; nothing secret is in the message",
      // Any operation reads the database; while it is away or too slow the answer is 503 with Retry-After.
      503: "The database is unavailable or too slow: try again after the seconds in Retry-After",
    };
    for (const status of Object.keys(responses)) if (Number(status) >= 400) delete responses[status];
    for (const [status, meaning] of Object.entries(failures)) {
      responses[status] = {
        description: meaning,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        ...(status === "429" || status === "503"
          ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
          : {}),
      };
    }
    const moved = operation.rest.accepted ? "202" : operation.rest.created ? "201" : null;
    if (moved && responses["200"]) {
      const location = operation.rest.accepted ? "Where to poll the order." : "Where the created resource lives.";
      responses[moved] = {
        ...responses["200"],
        headers: { Location: { description: location, schema: { type: "string" } } },
      };
      delete responses["200"];
    }
    const headerFields = Object.values(operation.rest.headerInputs ?? {});
    const body = (entry.requestBody as { content?: Record<string, { schema?: JsonObject }> } | undefined)?.content?.[
      "application/json"
    ]?.schema;
    if (body && headerFields.length > 0) {
      const properties = body.properties as JsonObject | undefined;
      for (const field of headerFields) delete properties?.[field];
      body.required = ((body.required as string[] | undefined) ?? []).filter((name) => !headerFields.includes(name));
    }
  }
  const schemas = { ...document.components?.schemas };
  for (const name of Object.keys(schemas)) if (name.startsWith("error.")) delete schemas[name];
  schemas.Error = errorSchema as (typeof schemas)[string];
  document.components = { ...document.components, schemas };
  // The generator takes tag names only; the linters (and readers) want each tag described.
  document.tags = tags;
  return document;
}

let cached: OpenAPIObject | undefined;

/** The OpenAPI 3.1 document of the REST face, generated once per process from the router. */
export function openApiDocument(): OpenAPIObject {
  cached ??= refine(
    // Our meta requires `access`; the generator's router type only knows a loose record of meta.
    generateOpenApiDocument(appRouter as unknown as OpenApiRouter, {
      title: "Storefront API",
      description,
      version: API_VERSION,
      baseUrl: "/api/v1",
      // No docsUrl: externalDocs.url must be an absolute URI, and the public origin differs per deployment.
      tags: tags.map((tag) => tag.name),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API token from `POST /auth/token` or the account page.",
        },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The session cookie of a signed-in browser (`__Secure-authjs.session-token` over HTTPS).",
        },
      },
    }),
  );
  return cached;
}
