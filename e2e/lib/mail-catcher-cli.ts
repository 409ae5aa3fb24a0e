/**
 * The browser suite's SMTP server (playwright.config.ts starts it beside the app):
 * a mail catcher on the SMTP port, and on the HTTP port what it caught, for tests
 * that follow a link from a mail (e2e/lib/mailbox-client.ts).
 */
import http from "node:http";
import { startMailCatcher } from "./mail-catcher";
import { e2eMailCatcher } from "./server-env";

const catcher = await startMailCatcher({ port: e2eMailCatcher.smtpPort });

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/health") return response.end("ok");
  if (url.pathname === "/messages" && request.method === "GET") {
    const to = url.searchParams.get("to");
    const mails = catcher.messages().filter((mail) => !to || mail.to.includes(to));
    response.setHeader("content-type", "application/json");
    return response.end(JSON.stringify(mails));
  }
  response.statusCode = 404;
  response.end();
});
server.listen(e2eMailCatcher.httpPort, "127.0.0.1");

const stop = () => {
  server.close();
  void catcher.close().then(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
