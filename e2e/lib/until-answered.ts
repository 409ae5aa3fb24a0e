/** What a careful client does when the server is away: send the same request again until it answers. */
export interface Answered<T> {
  result: T;
  /** An earlier try was cut, refused or answered 503, so the first try's outcome was unknown to the client. */
  interrupted: boolean;
}

/**
 * Sends `send` until the server answers with something other than 503, retrying
 * refused and cut connections after `pauseMs`. Gives up after `deadlineMs`, so a
 * server that never comes back fails the test instead of hanging it.
 */
export async function untilAnswered<T extends { response: Response }>(
  send: () => Promise<T>,
  { pauseMs = 100, deadlineMs = 60_000 } = {},
): Promise<Answered<T>> {
  const deadline = Date.now() + deadlineMs;
  let interrupted = false;
  for (;;) {
    try {
      const result = await send();
      if (result.response.status !== 503) return { result, interrupted };
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      // fetch's "fetch failed": refused while the server is down, or reset when it died mid-request.
    }
    interrupted = true;
    if (Date.now() > deadline) throw new Error(`no answer within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
