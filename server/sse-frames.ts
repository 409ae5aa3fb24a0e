import { isTrackedEnvelope } from "@trpc/server";

export interface SseFrame {
  event?: string;
  /** Already serialized; one line (JSON.stringify never writes a raw newline). */
  data?: string;
  id?: string;
}

/**
 * One message in tRPC's SSE wire format (its `sseStreamProducer` writes the
 * same fields in the same order, and a blank line after each message).
 */
export function sseFrame({ event, data = "", id }: SseFrame): string {
  return `${event === undefined ? "" : `event: ${event}\n`}data: ${data}\n${id === undefined ? "" : `id: ${id}\n`}\n\n`;
}

/**
 * The frames for each value a subscription yields, as tRPC's producer writes
 * them: a tracked value with its id, an untracked one without. `resumedFrom`
 * is the last event id the client sent.
 */
export function valueFramer(
  resumedFrom: string | null,
  serialize: (value: unknown) => unknown,
): (value: unknown) => string {
  // An id with a line break or NUL cannot be written as an SSE field.
  let lastId = resumedFrom !== null && !/[\0\n\r]/.test(resumedFrom) ? resumedFrom : null;
  return (value) => {
    if (isTrackedEnvelope(value)) {
      lastId = value[0];
      return sseFrame({ data: JSON.stringify(serialize(value[1])), id: value[0] });
    }
    const data = JSON.stringify(serialize(value));
    if (lastId === null) return sseFrame({ data });
    // An id-less event would reset the client's resume point: send it with an empty id, then restore the id.
    return sseFrame({ data, id: "" }) + sseFrame({ event: "restore-id", id: lastId });
  };
}
