import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Decision 014: every route runs on Node.js (node:crypto, argon2, postgres.js/PGlite, long-lived SSE).

const appFiles = readdirSync("src/app", { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => path.join("src", "app", file));
const scanned = [...appFiles, path.join("src", "proxy.ts")];

function unwrap(expression: ts.Expression): ts.Expression {
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression)) return unwrap(expression.expression);
  if (ts.isSatisfiesExpression(expression)) return unwrap(expression.expression);
  return expression;
}

function isNodejs(expression: ts.Expression | undefined): boolean {
  if (!expression) return false;
  const value = unwrap(expression);
  return ts.isStringLiteralLike(value) && value.text === "nodejs";
}

function isExported(statement: ts.VariableStatement): boolean {
  return statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** The `runtime` property of an exported `config = { … }` (the middleware style), if it has one. */
function configRuntime(initializer: ts.Expression | undefined): ts.ObjectLiteralElementLike | undefined {
  const value = initializer && unwrap(initializer);
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  return value.properties.find(
    (property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === "runtime",
  );
}

/**
 * Every runtime a module exports that is not literally "nodejs": `export const runtime = …`,
 * `export { x as runtime }` (not followed, so it counts) and `runtime` in an exported `config`.
 */
function foreignRuntimes(fileName: string, source: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${fileName}: ${node.getText(file)}`);
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        if (declaration.name.text === "runtime" && !isNodejs(declaration.initializer)) report(declaration);
        const inConfig = declaration.name.text === "config" ? configRuntime(declaration.initializer) : undefined;
        if (inConfig && !(ts.isPropertyAssignment(inConfig) && isNodejs(inConfig.initializer))) report(inConfig);
      }
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (element.name.text === "runtime") report(element);
    }
  }
  return found;
}

describe("route runtime", () => {
  it("scans every module under src/app and the proxy", () => {
    expect(scanned).toContain(path.join("src", "app", "layout.tsx"));
    expect(scanned.length).toBeGreaterThan(20);
  });

  it("is Node.js everywhere: no route or proxy declares another runtime", () => {
    const offenders = scanned.flatMap((file) => foreignRuntimes(file, readFileSync(file, "utf8")));
    expect(offenders, "decision 014: remove the runtime export; Next's default is Node.js").toEqual([]);
  });

  it.each([
    'export const runtime = "edge";',
    "export const runtime = 'edge' as const;",
    'export const runtime = "experimental-edge";',
    "const edge = 'edge';\nexport { edge as runtime };",
    'export const config = { matcher: ["/"], runtime: "edge" };',
  ])("catches %s", (source) => {
    expect(foreignRuntimes("route.ts", source)).toHaveLength(1);
  });

  it.each(['export const runtime = "nodejs";', "export const dynamic = 'force-dynamic';", "const runtime = 'edge';"])(
    "lets %s through",
    (source) => {
      expect(foreignRuntimes("route.ts", source)).toEqual([]);
    },
  );
});
