import type { CaughtMail } from "./mail-catcher";
import { e2eMailCatcher } from "./server-env";

const api = `http://127.0.0.1:${e2eMailCatcher.httpPort}`;

/** Every mail the browser suite's server sent to `address`, oldest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${api}/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`the mail catcher answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}

/** The first mail to `address` that matches, waiting for it to arrive. */
export async function waitForMailTo(
  address: string,
  predicate: (mail: CaughtMail) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(address)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
