/** One message of a server-sent event stream. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

function parseMessage(block: string): SseMessage | null {
  const message: SseMessage = { event: "message", data: "" };
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") message.event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") message.id = value;
  }
  message.data = data.join("\n");
  return data.length > 0 || message.id !== undefined ? message : null;
}

/**
 * A minimal EventSource for tests: follows one stream, reconnects after it ends
 * or fails, and sends Last-Event-ID like a browser does, so resumption can be
 * checked event by event.
 */
export class SseClient {
  readonly events: { id: string; data: unknown }[] = [];
  connections = 0;
  pings = 0;
  /** How many times the server ended the stream cleanly (as on shutdown or at its maximum duration). */
  cleanEnds = 0;
  /** What the server told the client when the stream opened (tRPC's `connected` event). */
  connectedData: unknown;
  private lastEventId: string | undefined;
  private readonly controller = new AbortController();
  private connection = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  start(): this {
    this.running = this.loop();
    return this;
  }

  private async loop(): Promise<void> {
    while (!this.controller.signal.aborted) {
      try {
        await this.follow();
      } catch {
        // Refused or cut: a browser would retry too.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async follow(): Promise<void> {
    this.connection = new AbortController();
    const response = await fetch(this.url, {
      headers: {
        accept: "text/event-stream",
        ...this.headers,
        ...(this.lastEventId ? { "last-event-id": this.lastEventId } : {}),
      },
      signal: AbortSignal.any([this.controller.signal, this.connection.signal]),
    });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        this.cleanEnds += 1;
        return;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const message = parseMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!message) continue;
        if (message.event === "connected") {
          this.connections += 1;
          this.connectedData = JSON.parse(message.data) as unknown;
        }
        if (message.event === "ping") this.pings += 1;
        if (message.event !== "message") continue;
        if (message.id) this.lastEventId = message.id;
        this.events.push({ id: message.id ?? "", data: JSON.parse(message.data) as unknown });
      }
    }
  }

  /** Waits until `count` events have arrived (and the stream is connected at least `connections` times). */
  async waitFor(count: number, { timeoutMs = 15_000, connections = 1 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count || this.connections < connections) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} events over ${connections} connections, have ${this.events.length} over ${this.connections}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Cuts the open stream as a network blip would; the client reconnects with its last event id. */
  dropConnection(): void {
    this.connection.abort();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }
}
