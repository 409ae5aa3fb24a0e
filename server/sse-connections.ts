import type { ServerResponse } from "node:http";
import { sseSettings } from "../src/server/api/sse-settings";
import { sseFrame } from "./sse-frames";

/** A client that reads slower than events arrive is cut and resumes by id, rather than buffering here. */
const MAX_BUFFERED_BYTES = 256 * 1024;

export interface SseConnection {
  /** Writes one or more frames; cuts the connection if the client is too far behind. */
  write: (frames: string) => void;
  /** Stops pinging it; the caller ends the response. */
  close: () => void;
}

interface OpenStream {
  res: ServerResponse;
  lastWriteAt: number;
}

const openStreams = new Set<OpenStream>();
let pinger: NodeJS.Timeout | undefined;

function write(stream: OpenStream, frames: string): void {
  stream.lastWriteAt = Date.now();
  stream.res.write(frames);
  if (stream.res.writableLength > MAX_BUFFERED_BYTES) stream.res.destroy();
}

/**
 * One timer for every stream of the process: a ping to each that has been quiet for a whole interval.
 * It looks four times per interval, so no stream goes more than 1.25 intervals without a write (looking
 * once per interval let a stream that wrote just after a look wait almost two).
 */
function keepPinging(): void {
  const { enabled, intervalMs } = sseSettings.ping;
  if (pinger || !enabled) return;
  pinger = setInterval(() => {
    const quietSince = Date.now() - intervalMs;
    for (const stream of openStreams) if (stream.lastWriteAt <= quietSince) write(stream, sseFrame({ event: "ping" }));
    if (openStreams.size === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
  }, intervalMs / 4);
  pinger.unref();
}

/** An SSE response whose headers are written: kept alive by the shared ping timer until closed. */
export function openSseConnection(res: ServerResponse): SseConnection {
  const stream: OpenStream = { res, lastWriteAt: 0 };
  openStreams.add(stream);
  keepPinging();
  return { write: (frames) => write(stream, frames), close: () => openStreams.delete(stream) };
}
