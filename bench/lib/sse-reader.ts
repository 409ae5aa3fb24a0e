import http from "node:http";

/**
 * Follows one server-sent event stream and calls `onData` with each data
 * message's JSON and its arrival time. Plain node:http, not fetch: with
 * hundreds of streams in one process, fetch's web streams would make this
 * client, not the server, the bottleneck being measured.
 */
export function readSse(
  url: string,
  signal: AbortSignal,
  handlers: { onConnected: () => void; onData: (data: unknown, at: number) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: "text/event-stream" }, signal, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes("event: connected") || block.includes("event:connected")) handlers.onConnected();
          else if (!block.includes("event:") && block.includes("data:")) {
            const data = block
              .split("\n")
              .filter((line) => line.startsWith("data:"))
              .map((line) => line.slice(5).trim())
              .join("\n");
            handlers.onData(JSON.parse(data) as unknown, at);
          }
        }
      });
      response.on("end", () => resolve());
      response.on("error", () => resolve());
    });
    request.on("error", (error) => (signal.aborted ? resolve() : reject(error)));
  });
}
