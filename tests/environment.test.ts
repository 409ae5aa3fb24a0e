import { describe, expect, it } from "vitest";
import { parseEnv, productionEnvProblems } from "@/env";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { clientIpFrom } from "@/server/http/client-ip";

const base = parseEnv({ NODE_ENV: "production" });

describe("production environment", () => {
  it("names every missing variable", () => {
    const problems = productionEnvProblems(base);
    expect(problems.join("\n")).toMatch(/AUTH_SECRET/);
    expect(problems.join("\n")).toMatch(/AUTH_URL.*AUTH_TRUST_HOST/);
  });

  it("is satisfied by a secret and a trusted host", () => {
    expect(productionEnvProblems({ ...base, AUTH_SECRET: "s".repeat(32), AUTH_TRUST_HOST: true })).toEqual([]);
    expect(productionEnvProblems({ ...base, AUTH_SECRET: "s".repeat(32), AUTH_URL: "https://shop.example" })).toEqual(
      [],
    );
  });

  it("asks nothing of development", () => {
    expect(productionEnvProblems({ ...base, NODE_ENV: "development" })).toEqual([]);
  });
});

describe("redirect targets after sign-in", () => {
  it.each([
    ["/orders", "/orders"],
    ["/products/oak-stool?x=1", "/products/oak-stool?x=1"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/orders#top", "/orders#top"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe("client address for rate limits", () => {
  it("takes the address the trusted proxy appended, not one the client wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientIpFrom(headers, 1)).toBe("203.0.113.9");
    expect(clientIpFrom(headers, 2)).toBe("6.6.6.6");
    expect(clientIpFrom(new Headers(), 1)).toBe("unknown");
  });
});
