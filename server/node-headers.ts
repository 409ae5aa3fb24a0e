import type { IncomingMessage } from "node:http";

/** A Node message's headers (a request, or a response we received) as a fetch `Headers`, which the app's code takes. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}
