import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const pages = (process.env.PAGES ?? "/,/products/stoneware-mug,/cart,/sign-in").split(",");
for (const [name, viewport] of [["desktop",{width:1280,height:800}],["phone",{width:390,height:844}]]) {
  const context = await browser.newContext({ viewport, baseURL: "http://localhost:3300" });
  const page = await context.newPage();
  page.on("console", m => { if (m.type()==="error") console.log("CONSOLE", name, page.url(), m.text(), m.location().url); });
  page.on("response", r => { if (r.status() >= 400) console.log("HTTP", r.status(), r.url()); });
  if (process.env.SIGNIN) {
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    await page.request.post("/api/auth/callback/credentials", { form: { email: process.env.SIGNIN, password: "storefront-demo", csrfToken: csrf.csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  }
  for (const path of pages) {
    await page.goto(path); await page.waitForLoadState("networkidle").catch(()=>{});
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter(v => v.impact === "serious" || v.impact === "critical");
    console.log(name, path, "hscroll", scroll, "axe", bad.map(v => `${v.id}(${v.nodes.length})`).join(" "));
    await page.screenshot({ path: `/tmp/probe/${name}${path.replace(/\//g,"_")}.png`, fullPage: false });
  }
  await context.close();
}
await browser.close();
