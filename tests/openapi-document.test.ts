import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/api/rest/openapi-document";
import { restOperations } from "@/server/api/rest/operations";

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }>; headers?: object }>;
}

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
    label: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

describe("the OpenAPI document", () => {
  it("describes exactly the REST operations the procedures declare", () => {
    const declared = restOperations.map((operation) => `${operation.method} ${operation.pathTemplate}`);
    expect(declared.length).toBeGreaterThan(0);
    // Sorted lists, not sets: two procedures declaring the same route would show up here too.
    expect(operations.map((entry) => entry.label).sort()).toEqual(declared.sort());
  });

  it.each(operations)("$label has a summary, a description, a security rule and its errors", ({ operation }) => {
    expect(operation.summary?.length).toBeGreaterThan(3);
    expect(operation.description?.length).toBeGreaterThan(10);
    expect(Array.isArray(operation.security)).toBe(true);
    const failures = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
    expect(failures.map(([status]) => status)).toEqual(expect.arrayContaining(["429", "500"]));
    for (const [, response] of failures) {
      expect(response.content?.["application/json"]?.schema?.$ref).toBe("#/components/schemas/Error");
    }
    expect(operation.responses["429"]?.headers).toHaveProperty("Retry-After");
  });
});
