/**
 * What the production server (server/index.ts) and the app code running inside
 * Next.js share about the process's life. They are separate module graphs in
 * one process, so the state lives on globalThis.
 */
export type ShutdownPhase =
  /** Before draining: end long-lived streams so their clients reconnect elsewhere. */
  | "release"
  /** After draining, before anything closes: let background work finish (or hand it back). */
  | "finish"
  /** After draining: close connections and pools. */
  | "close";

interface ShutdownHook {
  name: string;
  phase: ShutdownPhase;
  run: () => Promise<void>;
}

interface Lifecycle {
  shuttingDown: boolean;
  hooks: ShutdownHook[];
}

const store = globalThis as typeof globalThis & { __storefrontLifecycle?: Lifecycle };

function lifecycle(): Lifecycle {
  store.__storefrontLifecycle ??= { shuttingDown: false, hooks: [] };
  return store.__storefrontLifecycle;
}

/** True once the process has been told to stop: readiness turns false, long streams end. */
export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

/** Registers work to do when the process stops (closing the event bus, the database pool). */
export function onShutdown(name: string, phase: ShutdownPhase, run: () => Promise<void>): void {
  lifecycle().hooks.push({ name, phase, run });
}

/** Marks the process as stopping; later hooks still run when their phase comes. */
export function beginShutdown(): void {
  lifecycle().shuttingDown = true;
}

/** Runs one phase's hooks, each at most `timeoutMs`; reports failures instead of throwing. */
export async function runShutdownPhase(
  phase: ShutdownPhase,
  timeoutMs: number,
  report: (name: string, error: unknown) => void,
): Promise<void> {
  const hooks = lifecycle().hooks.filter((hook) => hook.phase === phase);
  await Promise.all(
    hooks.map(async (hook) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          hook.run(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${hook.name} took longer than ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (error) {
        report(hook.name, error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
