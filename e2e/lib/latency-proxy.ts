import net from "node:net";

/** A TCP proxy on loopback that delays every chunk, each way, by an adjustable latency. */
export interface LatencyProxy {
  port: number;
  setLatency: (ms: number) => void;
  close: () => Promise<void>;
}

/** Forwards `from` to `to`, each chunk `latency()` ms late, in order. */
function delayedPipe(from: net.Socket, to: net.Socket, latency: () => number): void {
  let last = 0;
  from.on("data", (chunk) => {
    // Never earlier than the chunk before it, so lowering the latency cannot reorder the stream.
    const due = Math.max(Date.now() + latency(), last);
    last = due;
    setTimeout(() => to.write(chunk), due - Date.now());
  });
  from.on("end", () => setTimeout(() => to.end(), Math.max(0, last - Date.now())));
  from.on("error", () => to.destroy());
}

export async function startLatencyProxy(options: { port: number; upstreamPort: number }): Promise<LatencyProxy> {
  let latencyMs = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(options.upstreamPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    delayedPipe(client, upstream, () => latencyMs);
    delayedPipe(upstream, client, () => latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    port: options.port,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
