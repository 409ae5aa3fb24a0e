import { expect, type APIResponse } from "@playwright/test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;

// ajv-formats is CommonJS: under ESM its function is the default export's `default`.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

function pointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Checks live answers against the published OpenAPI document: the status must
 * be one the operation documents, and a JSON body must match its schema. It
 * remembers what it saw, so a test can insist every operation was exercised.
 */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly seen = new Map<string, Set<number>>();

  constructor(readonly document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, "api");
  }

  /** Every operation in the document, as "METHOD /path". */
  operations(): string[] {
    const paths = this.document.paths as Record<string, Record<string, unknown>>;
    return Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  async check(method: string, template: string, response: APIResponse, expectedStatus: number): Promise<unknown> {
    const status = response.status();
    const text = await response.text();
    expect(status, `${method} ${template}: ${text}`).toBe(expectedStatus);
    const operation = `${method} ${template}`;
    const documented = (this.document.paths as Record<string, Record<string, { responses: Json }>>)[template]?.[
      method.toLowerCase()
    ]?.responses;
    expect(documented, `${operation} is not in the document`).toBeDefined();
    expect(Object.keys(documented ?? {}), `${operation} does not document ${status}`).toContain(String(status));
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const schemaRef = `api#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = this.ajv.getSchema(schemaRef);
    expect(validate, `${operation} ${status} has no JSON schema`).toBeDefined();
    if (validate && !validate(body)) {
      throw new Error(`${operation} ${status} does not match its schema: ${JSON.stringify(validate.errors)}\n${text}`);
    }
    const statuses = this.seen.get(operation) ?? new Set<number>();
    statuses.add(status);
    this.seen.set(operation, statuses);
    return body;
  }
}
