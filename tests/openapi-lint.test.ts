import { readFile } from "node:fs/promises";
import path from "node:path";
import { lintFromString, loadConfig } from "@redocly/openapi-core";
import { Spectral } from "@stoplight/spectral-core";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/api/rest/openapi-document";

const root = path.resolve(import.meta.dirname, "..");
// The route answers with Response.json, so lint the JSON text a client receives.
const served = JSON.stringify(openApiDocument(), null, 2);

// The rulesets are the repo's own config files, so this test and the linters' CLIs judge alike.
describe("the OpenAPI document, linted", () => {
  it("has no Spectral (spectral:oas) errors or warnings", async () => {
    const ruleset = await bundleAndLoadRuleset(path.join(root, ".spectral.yaml"), {
      fs: { promises: { readFile } },
      // A ruleset that extends one over the network would make the test depend on it: refuse.
      fetch: (url: unknown) => Promise.reject(new Error(`The Spectral ruleset tried to fetch ${String(url)}`)),
    });
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    const findings = await spectral.run(served);
    // Severity 0 is an error, 1 a warning; information and hints do not fail the build.
    const failing = findings.filter((finding) => finding.severity <= 1);
    expect(failing.map((finding) => `${finding.code} at ${finding.path.join(".")}: ${finding.message}`)).toEqual([]);
  });

  it("has no Redocly (recommended) errors or warnings", async () => {
    const config = await loadConfig({ configPath: path.join(root, "redocly.yaml") });
    const problems = await lintFromString({ source: served, absoluteRef: path.join(root, "openapi.json"), config });
    const failing = problems.filter((problem) => problem.severity === "error" || problem.severity === "warn");
    expect(
      failing.map((problem) => {
        const where = problem.location.map((location) => location.pointer).join(", ");
        return `${problem.ruleId} at ${where}: ${problem.message}`;
      }),
    ).toEqual([]);
  });
});
