import { describe, expect, it } from "vitest";
import { parseEnv, productionEnvProblems } from "@/env";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { CLIENT_ADDRESS_HEADER, clientIpFrom, resolveClientIp, vouchedClientAddress } from "@/server/http/client-ip";

// Production names its payment provider; the test for leaving it out is below.
const base = parseEnv({ NODE_ENV: "production", PAYMENT_PROVIDER: "test" });

describe("production environment", () => {
  it("names every missing variable", () => {
    const problems = productionEnvProblems(base);
    expect(problems.join("\n")).toMatch(/AUTH_SECRET/);
    expect(problems.join("\n")).toMatch(/AUTH_URL.*AUTH_TRUST_HOST/);
    expect(problems.join("\n")).toMatch(/SMTP_URL.*MAIL_TRANSPORT=log/);
  });

  it("refuses to take payments by default: PAYMENT_PROVIDER must be named, and Stripe needs its keys", () => {
    const ready = { ...base, AUTH_SECRET: "s".repeat(32), AUTH_TRUST_HOST: true, MAIL_TRANSPORT: "log" as const };
    expect(productionEnvProblems({ ...ready, PAYMENT_PROVIDER: undefined }).join("\n")).toMatch(
      /PAYMENT_PROVIDER is not set/,
    );
    expect(productionEnvProblems({ ...ready, PAYMENT_PROVIDER: "stripe" }).join("\n")).toMatch(
      /STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/,
    );
    const stripe = { STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };
    expect(productionEnvProblems({ ...ready, PAYMENT_PROVIDER: "stripe", ...stripe })).toEqual([]);
    expect(productionEnvProblems({ ...ready, PAYMENT_PROVIDER: "test" })).toEqual([]);
  });

  it("is satisfied by a secret, a trusted host and a way to send mail", () => {
    const secret = { ...base, AUTH_SECRET: "s".repeat(32), SMTP_URL: "smtp://mail.example:587" };
    expect(productionEnvProblems({ ...secret, AUTH_TRUST_HOST: true, AUTH_URL: "https://shop.example" })).toEqual([]);
    expect(productionEnvProblems({ ...secret, AUTH_URL: "https://shop.example" })).toEqual([]);
    expect(
      productionEnvProblems({ ...base, AUTH_SECRET: "s".repeat(32), AUTH_TRUST_HOST: true, MAIL_TRANSPORT: "log" }),
    ).toEqual([]);
  });

  it("wants the public origin when mail goes out: its links are built from it", () => {
    const mailing = {
      ...base,
      AUTH_SECRET: "s".repeat(32),
      AUTH_TRUST_HOST: true,
      SMTP_URL: "smtp://mail.example:587",
    };
    expect(productionEnvProblems(mailing).join("\n")).toMatch(/AUTH_URL is not set: links in mail/);
  });

  it("never serves the development mailbox in production", () => {
    const problems = productionEnvProblems({ ...base, MAIL_TRANSPORT: "mailbox", SMTP_URL: "smtp://mail.example:587" });
    expect(problems.join("\n")).toMatch(/MAIL_TRANSPORT=mailbox is for development only/);
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
    // Dot segments that resolve to a path starting with "//": another host to a browser.
    ["/.//evil.example/login", "/"],
    ["/..//evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/%2E%2E//evil.example", "/"],
    ["/./%2e/.//evil.example", "/"],
    ["/a/..//evil.example", "/"],
    ["/.%2f/evil.example", "/.%2f/evil.example"],
    ["/orders/./../account", "/account"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  // What a browser makes of each answer is what counts: resolved against the shop's own origin, it stays there.
  it.each([
    "/.//evil.example/login",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/.%2f/evil.example",
    "/%5C/evil.example",
    "/a/..//evil.example?x=//y",
  ])("%s, followed by a browser, stays on the shop", (input) => {
    const shop = "https://shop.example";
    expect(new URL(safeRedirectPath(input), shop).origin).toBe(shop);
  });
});

describe("client address for rate limits", () => {
  const forged = {
    "x-forwarded-for": "6.6.6.6",
    "x-real-ip": "7.7.7.7",
    forwarded: "for=8.8.8.8",
  };

  it("with no proxy configured, is the TCP peer the server recorded, whatever the client wrote", () => {
    const headers = new Headers({ ...forged, [CLIENT_ADDRESS_HEADER]: vouchedClientAddress("192.0.2.10") });
    expect(clientIpFrom(headers, { trustedHops: 0 })).toBe("192.0.2.10");
    expect(clientIpFrom(new Headers(forged), { trustedHops: 0 })).toBe("unknown");
    expect(resolveClientIp(new Headers(forged), "192.0.2.11", { trustedHops: 0 })).toBe("192.0.2.11");
  });

  it("never takes the server's own header from a caller: unsigned, signed by another process or re-signed", () => {
    const signed = vouchedClientAddress("192.0.2.10");
    const signature = signed.split(" ")[1];
    for (const forgedValue of ["203.0.113.5", "203.0.113.5 x", `203.0.113.5 ${signature}`, `${signed}x`]) {
      const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: forgedValue });
      expect(clientIpFrom(headers, { trustedHops: 0 }), forgedValue).toBe("unknown");
    }
  });

  it("behind N proxies, takes the address the outermost one appended, not one the client wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientIpFrom(headers, { trustedHops: 1 })).toBe("10.0.0.2");
    expect(clientIpFrom(headers, { trustedHops: 2 })).toBe("203.0.113.9");
    expect(clientIpFrom(new Headers(), { trustedHops: 1 })).toBe("unknown");
  });

  it("with a platform header configured, reads only that header", () => {
    const headers = new Headers({ ...forged, "x-vercel-forwarded-for": "198.51.100.4" });
    expect(clientIpFrom(headers, { trustedHops: 0, header: "x-vercel-forwarded-for" })).toBe("198.51.100.4");
  });
});
