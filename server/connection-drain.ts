import type http from "node:http";
import net from "node:net";
import type { Socket } from "node:net";

interface SocketState {
  openedAt: number;
  active: number;
  served: boolean;
}

// A proxy sends its request right after connecting; a connection younger than this may still be carrying one.
const FRESH_MS = 1_000;

/**
 * The server's connections, as shutdown needs them. Node's own idle-connection
 * closing (which `server.close()` also does) counts a connection that has not
 * sent its first request yet as idle, and cutting it fails a request already on
 * its way, one a proxy cannot resend for a POST. So shutdown closes only
 * kept-alive connections between requests, and waits for fresh ones to speak.
 */
export function trackConnections(server: http.Server) {
  const sockets = new Map<Socket, SocketState>();
  server.on("connection", (socket: Socket) => {
    sockets.set(socket, { openedAt: Date.now(), active: 0, served: false });
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.active += 1;
    res.once("close", () => {
      state.active -= 1;
      state.served = true;
    });
  });

  return {
    /** Stops accepting connections, leaving the open ones alone. */
    stopListening(): void {
      net.Server.prototype.close.call(server);
    },
    /** Ends keep-alive connections that are between requests. */
    closeIdle(): void {
      for (const [socket, state] of sockets) if (state.served && state.active === 0) socket.destroy();
    },
    /** True while a request is running or a fresh connection may still send one. */
    busy(): boolean {
      const now = Date.now();
      for (const state of sockets.values()) {
        if (state.active > 0 || (!state.served && now - state.openedAt < FRESH_MS)) return true;
      }
      return false;
    },
  };
}
