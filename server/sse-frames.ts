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
