import { expect, test } from "./fixtures";
import { ADMIN, addToCart, checkOutPaid, signInQuickly, signUpQuickly } from "./support";

test("the admin creates a product, adjusts its stock and ships an order; the customer sees both live", async ({
  browser,
  consoleGuard,
}) => {
  // A whole purchase, a new product and a shipment in two browsers: about 20 s here, 30 s on a busy CI run.
  test.setTimeout(60_000);
  const customerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  consoleGuard.watch(customerContext);
  consoleGuard.watch(adminContext);
  try {
    const customer = await customerContext.newPage();
    await signUpQuickly(customer, "Waiting Customer");
    await addToCart(customer, "merino-hiking-socks", 1);
    await checkOutPaid(customer);
    const orderId = new URL(customer.url()).pathname.split("/").at(-1) ?? "";
    await expect(customer.getByTestId("live-status")).toHaveAttribute("data-live-state", "live");
    await expect(customer.getByTestId("order-status")).toHaveText("Paid");

    const admin = await adminContext.newPage();
    await signInQuickly(admin, ADMIN);
    await admin.goto("/admin");
    await expect(admin.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(admin.locator(".chart svg").first()).toBeVisible();
    // Revenue as bars and orders as a line; the customer's order of today is drawn.
    await expect(admin.locator(".chart .recharts-bar-rectangle").first()).toBeVisible();
    await expect(admin.locator(".chart .recharts-line path.recharts-curve")).toHaveCount(1);

    // A new product, through the same form validation as the server.
    await admin.goto("/admin/products/new");
    await admin.getByLabel("Name").fill("Walnut Serving Tray");
    await expect(admin.getByLabel("Page address")).toHaveValue("walnut-serving-tray");
    await admin.getByLabel("Price (USD)").fill("-3");
    await admin.getByRole("button", { name: "Create product" }).click();
    await expect(admin.locator("#priceCents-error")).toHaveText("Price cannot be negative");
    await admin.getByLabel("Price (USD)").fill("45.00");
    await admin.getByLabel("Description").fill("Oiled walnut, 30 cm.");
    await admin.getByLabel("Stock").fill("5");
    await admin.getByLabel("Category").selectOption({ label: "Kitchen" });
    await admin.getByRole("button", { name: "Create product" }).click();
    await expect(admin).toHaveURL(/\/admin\/products$/);

    // In its category at once, with a picture drawn for it since it was given none (in another
    // tab: the customer's order page stays open for the live status below).
    const browsing = await customerContext.newPage();
    await browsing.goto("/c/kitchen");
    const kitchenCard = browsing.getByTestId("product-card").filter({ hasText: "Walnut Serving Tray" });
    await expect(kitchenCard.getByRole("img", { name: "Walnut Serving Tray" })).toHaveAttribute(
      "src",
      "/pictures/walnut-serving-tray.svg",
    );

    await admin.goto("/admin/products?q=Walnut+Serving");
    const row = admin.getByTestId("admin-product-row").filter({ hasText: "Walnut Serving Tray" });
    await expect(row.getByTestId("admin-stock")).toHaveText("5");
    await row.getByRole("button", { name: /Adjust stock/ }).click();
    const dialog = admin.getByRole("dialog", { name: /Adjust stock/ });
    await dialog.getByLabel("Change by").fill("10");
    await dialog.getByLabel("Reason").fill("Delivery from the workshop");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByTestId("admin-stock")).toHaveText("15");

    // Fulfilment: the customer's order page turns "Shipped" without a reload.
    // In the queue of paid orders, a shipped one says so and leaves the queue.
    await admin.goto("/admin/orders?status=paid");
    const orderRow = admin.locator(`[data-order-id="${orderId}"]`);
    await orderRow.getByRole("button", { name: /Mark shipped/ }).click();
    await expect(admin.getByTestId("orders-notice")).toHaveText(`Order #${orderId.slice(0, 8)} is now shipped.`);
    await expect(orderRow).toHaveCount(0);
    await expect(customer.getByTestId("order-status")).toHaveText("Shipped");
    await expect(customer.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

    // The audit log has it all, with who did it.
    await admin.goto("/admin/audit");
    const log = admin.getByTestId("audit-log");
    await expect(log).toContainText("Order status changed");
    await expect(log).toContainText("Stock adjusted");
    await expect(log).toContainText("Product created");
    await expect(log).toContainText("Signed in");

    // The new product is in the shop at once.
    await customer.goto("/?q=Walnut+Serving");
    const card = customer.getByTestId("product-card").filter({ hasText: "Walnut Serving Tray" });
    await expect(card).toContainText("$45.00");
    await expect(card).toContainText("15 in stock");

    // Archived: out of the catalog at once (and the shop is as the other tests expect it).
    await admin.goto("/admin/products?q=Walnut+Serving");
    admin.once("dialog", (confirm) => void confirm.accept());
    await row.getByRole("button", { name: /Archive/ }).click();
    await expect(row).toContainText("Archived");
    await customer.goto("/?q=Walnut+Serving");
    await expect(customer.getByTestId("empty-state")).toBeVisible();
    consoleGuard.allow(/walnut-serving-tray: Failed to load resource: .* 404/);
    const gone = await customer.goto("/products/walnut-serving-tray");
    expect(gone?.status()).toBe(404);
  } finally {
    await customerContext.close();
    await adminContext.close();
  }
});

test("a customer who tries /admin gets the not-found page and no admin UI", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 404/);
  await signUpQuickly(page, "Curious Customer");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
  const html = await response?.text();
  expect(html).not.toContain("Dashboard");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a visitor who is not signed in gets the not-found page for every admin page", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 404/);
  for (const path of ["/admin", "/admin/products", "/admin/orders", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("the session reports the user's id and role, and a role change shows on the next request", async ({
  page,
  browser,
}) => {
  const credentials = await signUpQuickly(page, "Future Admin");
  const session = async () =>
    (await (await page.request.get("/api/auth/session")).json()) as {
      user?: { id: string; email: string; role: string };
    };
  const before = await session();
  expect(before.user).toMatchObject({ email: credentials.email, role: "customer" });
  expect(before.user?.id).toMatch(/^[0-9a-f-]{36}$/);

  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signInQuickly(admin, ADMIN);
    await admin.goto(`/admin/users?q=${encodeURIComponent(credentials.email)}`);
    await admin.getByLabel("Role of Future Admin").selectOption("admin");
    await expect(admin.getByText("Saved: applies from their next request.")).toBeVisible();
  } finally {
    await adminContext.close();
  }

  expect((await session()).user?.role).toBe("admin");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("the admin sees an order's payment sessions and provider events, and cancels it with a refund through the provider", async ({
  browser,
}) => {
  const customerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const customer = await customerContext.newPage();
    await signUpQuickly(customer, "Refunded Customer");
    await addToCart(customer, "striped-cotton-socks", 1);
    await checkOutPaid(customer);
    const orderId = new URL(customer.url()).pathname.split("/").at(-1) ?? "";

    const admin = await adminContext.newPage();
    await signInQuickly(admin, ADMIN);
    await admin.goto(`/admin/orders/${orderId}`);
    await expect(admin.getByTestId("admin-order-status")).toHaveText("Paid");
    await expect(admin.getByTestId("payment-session-row")).toHaveCount(1);
    await expect(admin.getByTestId("payment-session-row")).toHaveAttribute("data-status", "paid");
    await expect(admin.getByTestId("provider-event-row")).toHaveCount(1);
    await expect(admin.getByTestId("provider-event-outcome")).toHaveText("order paid");
    // The provider decides what is paid: there is nothing to mark an order paid by hand.
    await expect(admin.getByRole("button", { name: /paid/i })).toHaveCount(0);

    await admin.getByTestId("cancel-order").click();
    await admin.getByTestId("confirm-cancel").click();
    await expect(admin.getByText("Say why the order is cancelled")).toBeVisible();
    await admin.getByTestId("cancel-reason").fill("Damaged in the warehouse");
    await admin.getByTestId("confirm-cancel").click();
    await expect(admin.getByTestId("admin-order-status")).toHaveText("Cancelled");
    // The refund completes on the provider's webhook.
    await expect(async () => {
      await admin.reload();
      await expect(admin.getByTestId("refund")).toHaveAttribute("data-status", "succeeded", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(admin.getByTestId("provider-event-row")).toHaveCount(2);

    await expect(customer.getByTestId("order-status")).toHaveText("Cancelled");
    await expect(customer.getByTestId("refund")).toContainText("refunded");
    await admin.goto("/admin/audit");
    await expect(admin.getByTestId("audit-row").filter({ hasText: "Order cancelled by the store" })).toHaveCount(1);
  } finally {
    await customerContext.close();
    await adminContext.close();
  }
});
