import { describe, expect, it } from "vitest";
import { TEST_CARDS } from "@/server/payments/test-provider/card-input";
import { findSecrets } from "../scripts/log-secrets";

const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, msg: "request", ...fields });

describe("the server-log secret scan", () => {
  it("passes ordinary log lines, redacted fields included", () => {
    const log = [
      line({ requestId: "3f1c", method: "POST", route: "/api/trpc/[procedure]", status: 200, ms: 4.2 }),
      line({ authorization: "[redacted]", cookie: "[redacted]" }),
      line({ msg: "bearer [redacted]", orderId: "0f8e7d6c-5b4a-4392-8190-a1b2c3d4e5f6" }),
    ].join("\n");
    expect(findSecrets("ok.log", log, ["storefront-demo"])).toEqual([]);
  });

  it("finds each kind of secret and says on which line", () => {
    const token = `sf_${"A".repeat(43)}`;
    const jwe = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..${"b".repeat(22)}.${"c".repeat(40)}.${"d".repeat(22)}`;
    const lines = [
      line({ ok: true }),
      line({ input: { email: "a@b.test", password: "storefront-demo" } }),
      line({ headers: { authorization: `Bearer ${token}` } }),
      line({ cookie: `authjs.session-token=${jwe}` }),
      // Only the test provider's page takes a card; a number it let slip into a log is still found.
      line({ formData: { cardNumber: "4242 4242 4242 4242" } }),
      line({ hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" }),
    ];
    const findings = findSecrets("leaky.log", lines.join("\n"), ["storefront-demo"]);
    const kindsOnLine = (n: number) => findings.filter((finding) => finding.line === n).map((finding) => finding.kind);
    expect(kindsOnLine(1)).toEqual([]);
    expect(kindsOnLine(2)).toEqual(["a test secret"]);
    expect(kindsOnLine(3)).toEqual(expect.arrayContaining(["API token", "bearer credential"]));
    expect(kindsOnLine(4)).toEqual(expect.arrayContaining(["JWT or session cookie", "session cookie"]));
    expect(kindsOnLine(5)).toEqual(["card number"]);
    expect(kindsOnLine(6)).toEqual(["password hash"]);
    expect(findings.every((finding) => finding.file === "leaky.log")).toBe(true);
  });

  it("finds every test card the provider's page takes, however it was typed", () => {
    const typed = Object.values(TEST_CARDS).flatMap((digits) => [digits, digits.replace(/(\d{4})(?=\d)/g, "$1 ")]);
    const log = typed.map((number) => line({ formData: { cardNumber: number } })).join("\n");
    const found = findSecrets("cards.log", log, []);
    expect(found.map((finding) => finding.line)).toEqual(typed.map((_, index) => index + 1));
    expect(found.every((finding) => finding.kind === "card number")).toBe(true);
  });
});
