import { randomUUID } from "node:crypto";
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
import { expect, test } from "../fixtures";

// What outside clients written against the contract meet when a request is refused before any route
// runs: the typed tRPC client reads a TRPCClientError with a code, and Node's fetch reads the 413 of an
// oversized body instead of failing to write it (EPIPE).
const baseURL = "http://localhost:3100";

function client(link: "single" | "batch", headers: Record<string, string> = {}) {
  const options = { url: `${baseURL}/api/trpc`, headers };
  return createTRPCClient<AppRouter>({ links: [link === "batch" ? httpBatchLink(options) : httpLink(options)] });
}

async function refusal(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

test("the typed client reads every guard's refusal as a TRPCClientError with its code", async () => {
  for (const link of ["single", "batch"] as const) {
    const tooLong = await refusal(client(link).catalog.list.query({ q: "a".repeat(9_000) }));
    expect(tooLong.data, link).toMatchObject({ code: "BAD_REQUEST", httpStatus: 414 });
    expect(tooLong.message).toMatch(/longer than 8 KiB/);

    const tooBig = await refusal(
      client(link).auth.signUp.mutate({ email: "big@example.test", password: "x".repeat(2_000_000), name: "Big" }),
    );
    expect(tooBig.data, link).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });

    const crossSite = await refusal(
      client(link, { origin: "https://evil.example", cookie: "authjs.session-token=whatever" }).cart.clear.mutate(),
    );
    expect(crossSite.data, link).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
  }
});

test("an oversized body is answered with 413 that Node's fetch can read, on the tRPC and REST faces", async () => {
  const setItem = await fetch(`${baseURL}/api/trpc/cart.setItem`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ productId: randomUUID(), quantity: 1, padding: "x".repeat(10 * 1024 * 1024) }),
  });
  expect(setItem.status).toBe(413);
  expect(await setItem.json()).toMatchObject({ error: { data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } });

  const token = await fetch(`${baseURL}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "a@b.test", password: "x".repeat(2 * 1024 * 1024) }),
  });
  expect(token.status).toBe(413);
  expect(await token.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
});
