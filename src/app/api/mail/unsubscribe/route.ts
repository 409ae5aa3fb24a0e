import { unsubscribeWithToken } from "@/server/ops/unsubscribe";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** A person following the mail's link: the page asks before anything changes (mail scanners open links too). */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const page = new URL("/unsubscribe", request.url);
  page.searchParams.set("token", token);
  return new Response(null, { status: 303, headers: { ...noStore, Location: `${page.pathname}${page.search}` } });
}

/**
 * One-click unsubscribe (RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click`),
 * or the confirmation form on /unsubscribe, which is sent back to that page.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const done = await unsubscribeWithToken(token);
  const fromPage = (request.headers.get("accept") ?? "").includes("text/html");
  if (fromPage) {
    return new Response(null, {
      status: 303,
      headers: { ...noStore, Location: done ? "/unsubscribe?done=1" : "/unsubscribe?invalid=1" },
    });
  }
  return done
    ? new Response("Unsubscribed from order updates.\n", {
        status: 200,
        headers: { ...noStore, "content-type": "text/plain" },
      })
    : new Response("This unsubscribe link is not valid.\n", {
        status: 400,
        headers: { ...noStore, "content-type": "text/plain" },
      });
}
