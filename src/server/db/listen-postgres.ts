import type postgres from "postgres";
import { reconnectDelaySeconds } from "./reconnect-delay";
import type { Unlisten } from "./types";

const RELISTEN_DELAY_MS = 1_000;

/**
 * LISTEN on a dedicated connection that comes back by itself: when the
 * connection closes (database restart, network blip), it retries every second
 * until the LISTEN succeeds again and then calls `onListening`, so the caller
 * can catch up from the table. (postgres.js's own `listen` tries to re-listen
 * only once and gives up silently if the database is still down.)
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onListening: () => void,
): Promise<Unlisten> {
  const { default: connect } = await import("postgres");
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  // `onnotify` is the option postgres.js's own `listen` is built on; its type file leaves it out.
  const options: postgres.Options<Record<string, never>> & { onnotify: (name: string, payload: string) => void } = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    backoff: reconnectDelaySeconds,
    onnotice: () => undefined,
    onnotify: (name, payload) => {
      if (name === channel) onNotify(payload);
    },
    onclose: () => scheduleRelisten(),
  };
  const sql = connect(url, options);

  async function establish(): Promise<void> {
    await sql`listen ${sql(channel)}`;
    onListening();
  }

  function scheduleRelisten(): void {
    if (stopped) return;
    clearTimeout(retry);
    retry = setTimeout(() => establish().catch(scheduleRelisten), RELISTEN_DELAY_MS);
    retry.unref();
  }

  await establish();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await sql.end({ timeout: 5 });
  };
}
