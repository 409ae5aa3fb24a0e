import { defineConfig, type Project } from "@playwright/test";
import path from "node:path";
import {
  e2eBaseURL as baseURL,
  e2eMailCatcher,
  e2eMainServerMailEnv,
  e2eOidcEnv,
  e2ePort as PORT,
  e2eServerEnv,
  postgresServerUrl,
  serverLogDir,
} from "./e2e/lib/server-env";

const browser: Project["use"] = {
  browserName: "chromium",
  launchOptions: {
    // Debian's Chromium: Playwright must never download a browser here.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

// The browser suite runs against one server on its own fresh embedded database. The
// PostgreSQL and next-start suites start more servers from the same build, each test file on a
// database of its own on TEST_DATABASE_URL's server; without that variable they do not run.
// The README's screenshots are taken by `npm run screenshots`, never by the test suite: tests do not
// write into the tree.
const screenshots = process.env.STOREFRONT_SCREENSHOTS === "1";
const projects: Project[] = screenshots
  ? [{ name: "screenshots", testMatch: "screenshots.spec.ts", use: browser }]
  : [
      {
        name: "chromium",
        testIgnore: ["postgres/**", "next-start/**", "next-dev/**", "screenshots.spec.ts"],
        use: browser,
      },
      // `npm run dev` as a new developer runs it: the zero-setup path, with its development mailbox.
      { name: "next-dev", testMatch: "next-dev/**/*.spec.ts", use: browser },
    ];
if (postgresServerUrl && !screenshots) {
  projects.push({ name: "postgres", testMatch: "postgres/**/*.spec.ts", use: browser });
  // The same build on Next's own server (`next start`, as on Vercel), no custom server in front.
  projects.push({ name: "next-start", testMatch: "next-start/**/*.spec.ts", use: browser });
}

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: "list",
  use: { baseURL, trace: "retain-on-failure" },
  projects,
  webServer: [
    {
      // The SMTP server the app mails to, with an HTTP API for the tests that read the mail.
      command: "./node_modules/.bin/tsx e2e/lib/mail-catcher-cli.ts",
      url: `http://127.0.0.1:${e2eMailCatcher.httpPort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The server's log goes to a file: scripts/scan-server-logs.ts reads it for secrets after the suite.
      command: `rm -rf .data/e2e && npm run build && mkdir -p ${serverLogDir} && npm start > ${path.join(serverLogDir, "main.log")} 2>&1`,
      url: `${baseURL}/api/ready`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...e2eServerEnv,
        ...e2eOidcEnv,
        ...e2eMainServerMailEnv,
        PORT: String(PORT),
        PGLITE_DIR: ".data/e2e",
        DATABASE_URL: "",
      },
    },
  ],
});
