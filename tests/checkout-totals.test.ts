import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaceOrderInput } from "@/lib/contracts/orders";
import type { CountryCode } from "@/lib/shop/countries";
import { orderTotals, type DiscountRule } from "@/lib/shop/order-totals";
import { roundHalfUp } from "@/lib/shop/rounding";
import type { ShippingMethodId } from "@/lib/shop/shipping-methods";
import { orders, paymentSessions, testProviderSessions, users } from "@/server/db/schema";
import type { Actor } from "@/server/domain/actor";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, createCustomer } from "./support/callers";
import { shipTo } from "./support/shipping";
import { insertCustomers, insertProduct } from "./support/shop-fixtures";

/**
 * One checkout worked out by hand (docs/checkout-totals.md): the expected numbers are written down,
 * never computed by the code under test. Rates: US 7.25 %, CA 5 %, DE 19 %, GB 20 %, JP and AU 10 %;
 * standard 5.99 (free from 50.00) domestic, 12.99 / 14.99 (free from 100.00) north-america / europe,
 * 19.99 (never free) world; express 14.99 / 29.99 / 34.99 / 44.99, never free.
 */
interface WorkedExample {
  name: string;
  country: CountryCode;
  method: ShippingMethodId;
  /** [unit price in cents, quantity] per cart line. */
  lines: [number, number][];
  code: DiscountRule | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  exclusive: { taxCents: number; totalCents: number };
  inclusive: { taxCents: number; totalCents: number };
}

const percent = (value: number): DiscountRule => ({ kind: "percent", percent: value });
const fixed = (amountCents: number): DiscountRule => ({ kind: "fixed", amountCents });

const workedExamples: WorkedExample[] = [
  {
    // 49.99 < 50.00: shipping 5.99; taxable 49.99 + 5.99 = 55.98.
    // excl: 5598 × 7.25 % = 405.855 → 406; total 5598 + 406 = 6004.
    // incl: net 5598 / 1.0725 = 5219.58 → 5220; tax 5598 − 5220 = 378.
    name: "US standard, just below the free-shipping threshold",
    country: "US",
    method: "standard",
    lines: [[4999, 1]],
    code: null,
    subtotalCents: 4999,
    discountCents: 0,
    shippingCents: 599,
    exclusive: { taxCents: 406, totalCents: 6004 },
    inclusive: { taxCents: 378, totalCents: 5598 },
  },
  {
    // 2 × 25.00 = 50.00, exactly the threshold: shipping free; taxable 5000.
    // excl: 5000 × 7.25 % = 362.5 exactly → 363 (half up; 5000 * 0.0725 in floating point is 362.4999…).
    // incl: net 5000 / 1.0725 = 4662.0047 → 4662; tax 338.
    name: "US standard, exactly at the threshold; the tax is exactly half a cent",
    country: "US",
    method: "standard",
    lines: [[2500, 2]],
    code: null,
    subtotalCents: 5000,
    discountCents: 0,
    shippingCents: 0,
    exclusive: { taxCents: 363, totalCents: 5363 },
    inclusive: { taxCents: 338, totalCents: 5000 },
  },
  {
    // 50.01 > 50.00: free; taxable 5001.
    // excl: 5001 × 7.25 % = 362.5725 → 363 (just over half); total 5364.
    // incl: net 5001 / 1.0725 = 4662.937 → 4663; tax 338.
    name: "US standard, just above the threshold",
    country: "US",
    method: "standard",
    lines: [[5001, 1]],
    code: null,
    subtotalCents: 5001,
    discountCents: 0,
    shippingCents: 0,
    exclusive: { taxCents: 363, totalCents: 5364 },
    inclusive: { taxCents: 338, totalCents: 5001 },
  },
  {
    // 10 % of 55.00 = 5.50; merchandise 49.50 < 50.00, so shipping is paid again: 5.99; taxable 49.50 + 5.99 = 55.49.
    // excl: 5549 × 7.25 % = 402.3025 → 402; total 5549 + 402 = 5951.
    // incl: net 5549 / 1.0725 = 5173.893 → 5174; tax 5549 − 5174 = 375.
    name: "US standard, a percent code takes the merchandise under the threshold",
    country: "US",
    method: "standard",
    lines: [[5500, 1]],
    code: percent(10),
    subtotalCents: 5500,
    discountCents: 550,
    shippingCents: 599,
    exclusive: { taxCents: 402, totalCents: 5951 },
    inclusive: { taxCents: 375, totalCents: 5549 },
  },
  {
    // Fixed 10.00 off 64.69: merchandise 54.69 ≥ 50.00, still free; taxable 5469.
    // excl: 5469 × 7.25 % = 396.5025 → 397 (just over half); total 5469 + 397 = 5866.
    // incl: net 5469 / 1.0725 = 5099.30 → 5099; tax 370.
    name: "US standard, a fixed code leaves the merchandise above the threshold",
    country: "US",
    method: "standard",
    lines: [[6469, 1]],
    code: fixed(1000),
    subtotalCents: 6469,
    discountCents: 1000,
    shippingCents: 0,
    exclusive: { taxCents: 397, totalCents: 5866 },
    inclusive: { taxCents: 370, totalCents: 5469 },
  },
  {
    // 50.32 would ship standard for free, but express never is: 14.99; taxable 50.32 + 14.99 = 65.31.
    // excl: 6531 × 7.25 % = 473.4975 → 473 (just under half); total 6531 + 473 = 7004.
    // incl: net 6531 / 1.0725 = 6089.51 → 6090; tax 6531 − 6090 = 441.
    name: "US express above the standard threshold; the tax is just under half a cent",
    country: "US",
    method: "express",
    lines: [[5032, 1]],
    code: null,
    subtotalCents: 5032,
    discountCents: 0,
    shippingCents: 1499,
    exclusive: { taxCents: 473, totalCents: 7004 },
    inclusive: { taxCents: 441, totalCents: 6531 },
  },
  {
    // 100 % off 12.34: merchandise 0 < 50.00, shipping 5.99 is still paid; taxable 599.
    // excl: 599 × 7.25 % = 43.4275 → 43; total 642.
    // incl: net 599 / 1.0725 = 558.508 → 559; tax 40.
    name: "US standard, a 100 % code: the merchandise is free, the shipping is not",
    country: "US",
    method: "standard",
    lines: [[1234, 1]],
    code: percent(100),
    subtotalCents: 1234,
    discountCents: 1234,
    shippingCents: 599,
    exclusive: { taxCents: 43, totalCents: 642 },
    inclusive: { taxCents: 40, totalCents: 599 },
  },
  {
    // 99.99 < 100.00: shipping 12.99; taxable 99.99 + 12.99 = 112.98.
    // excl: 11298 × 5 % = 564.9 → 565; total 11298 + 565 = 11863.
    // incl: net 11298 / 1.05 = 10760 exactly; tax 538.
    name: "CA standard, just below the north-america threshold",
    country: "CA",
    method: "standard",
    lines: [[9999, 1]],
    code: null,
    subtotalCents: 9999,
    discountCents: 0,
    shippingCents: 1299,
    exclusive: { taxCents: 565, totalCents: 11863 },
    inclusive: { taxCents: 538, totalCents: 11298 },
  },
  {
    // A fixed 20.00 code on a 15.00 cart takes 15.00 (capped at the subtotal); merchandise 0, shipping 12.99.
    // excl: 1299 × 5 % = 64.95 → 65; total 1299 + 65 = 1364.
    // incl: net 1299 / 1.05 = 1237.14 → 1237; tax 62.
    name: "CA standard, a fixed code larger than the subtotal is capped at it",
    country: "CA",
    method: "standard",
    lines: [[1500, 1]],
    code: fixed(2000),
    subtotalCents: 1500,
    discountCents: 1500,
    shippingCents: 1299,
    exclusive: { taxCents: 65, totalCents: 1364 },
    inclusive: { taxCents: 62, totalCents: 1299 },
  },
  {
    // 2 × 60.00 = 120.00; 25 % = 30.00; merchandise 90.00; express 29.99; taxable 119.99.
    // excl: 11999 × 5 % = 599.95 → 600; total 11999 + 600 = 12599.
    // incl: net 11999 / 1.05 = 11427.62 → 11428; tax 571.
    name: "CA express with a percent code",
    country: "CA",
    method: "express",
    lines: [[6000, 2]],
    code: percent(25),
    subtotalCents: 12000,
    discountCents: 3000,
    shippingCents: 2999,
    exclusive: { taxCents: 600, totalCents: 12599 },
    inclusive: { taxCents: 571, totalCents: 11999 },
  },
  {
    // 20 % of 125.00 = 25.00; merchandise exactly 100.00: free; taxable 10000.
    // excl: 10000 × 19 % = 1900; total 11900.
    // incl: net 10000 / 1.19 = 8403.36 → 8403; tax 1597.
    name: "DE standard, a percent code lands exactly on the europe threshold",
    country: "DE",
    method: "standard",
    lines: [[12500, 1]],
    code: percent(20),
    subtotalCents: 12500,
    discountCents: 2500,
    shippingCents: 0,
    exclusive: { taxCents: 1900, totalCents: 11900 },
    inclusive: { taxCents: 1597, totalCents: 10000 },
  },
  {
    // Fixed 6.00 off 105.00: merchandise 99.00 < 100.00, shipping 14.99; taxable 113.99.
    // excl: 11399 × 19 % = 2165.81 → 2166; total 11399 + 2166 = 13565.
    // incl: net 11399 / 1.19 = 9578.99 → 9579; tax 1820.
    name: "DE standard, a fixed code takes the merchandise under the threshold",
    country: "DE",
    method: "standard",
    lines: [[10500, 1]],
    code: fixed(600),
    subtotalCents: 10500,
    discountCents: 600,
    shippingCents: 1499,
    exclusive: { taxCents: 2166, totalCents: 13565 },
    inclusive: { taxCents: 1820, totalCents: 11399 },
  },
  {
    // 40.51 + 14.99 shipping = 55.50 taxable.
    // excl: 5550 × 19 % = 1054.5 exactly → 1055; total 5550 + 1055 = 6605.
    // incl: net 5550 / 1.19 = 4663.87 → 4664; tax 886.
    name: "DE standard, the tax is exactly half a cent",
    country: "DE",
    method: "standard",
    lines: [[4051, 1]],
    code: null,
    subtotalCents: 4051,
    discountCents: 0,
    shippingCents: 1499,
    exclusive: { taxCents: 1055, totalCents: 6605 },
    inclusive: { taxCents: 886, totalCents: 5550 },
  },
  {
    // 150.00 is over the threshold, but express is never free: 34.99; taxable 184.99.
    // excl: 18499 × 19 % = 3514.81 → 3515; total 18499 + 3515 = 22014.
    // incl: net 18499 / 1.19 = 15545.38 → 15545; tax 2954.
    name: "DE express above the threshold is still paid",
    country: "DE",
    method: "express",
    lines: [[15000, 1]],
    code: null,
    subtotalCents: 15000,
    discountCents: 0,
    shippingCents: 3499,
    exclusive: { taxCents: 3515, totalCents: 22014 },
    inclusive: { taxCents: 2954, totalCents: 18499 },
  },
  {
    // 3 × 33.35 = 100.05 ≥ 100.00: free; taxable 10005.
    // excl: 10005 × 20 % = 2001; total 12006.
    // incl: tax contained 10005 × 2000 / 12000 = 1667.5 exactly → 1668 (the tax, the derived
    // amount, rounds half up; the net 8337 is what is left).
    name: "GB standard above the threshold; the inclusive tax is exactly half a cent",
    country: "GB",
    method: "standard",
    lines: [[3335, 3]],
    code: null,
    subtotalCents: 10005,
    discountCents: 0,
    shippingCents: 0,
    exclusive: { taxCents: 2001, totalCents: 12006 },
    inclusive: { taxCents: 1668, totalCents: 10005 },
  },
  {
    // 99.99 < 100.00: shipping 14.99; taxable 114.98.
    // excl: 11498 × 20 % = 2299.6 → 2300; total 13798.
    // incl: net 11498 / 1.2 = 9581.67 → 9582; tax 1916.
    name: "GB standard, just below the threshold",
    country: "GB",
    method: "standard",
    lines: [[9999, 1]],
    code: null,
    subtotalCents: 9999,
    discountCents: 0,
    shippingCents: 1499,
    exclusive: { taxCents: 2300, totalCents: 13798 },
    inclusive: { taxCents: 1916, totalCents: 11498 },
  },
  {
    // 15 % of 250.00 = 37.50; merchandise 212.50; world standard is never free: 19.99; taxable 232.49.
    // excl: 23249 × 10 % = 2324.9 → 2325; total 23249 + 2325 = 25574.
    // incl: net 23249 / 1.1 = 21135.45 → 21135; tax 2114.
    name: "JP standard, the world zone never ships free",
    country: "JP",
    method: "standard",
    lines: [[25000, 1]],
    code: percent(15),
    subtotalCents: 25000,
    discountCents: 3750,
    shippingCents: 1999,
    exclusive: { taxCents: 2325, totalCents: 25574 },
    inclusive: { taxCents: 2114, totalCents: 23249 },
  },
  {
    // 30.06 + 19.99 = 50.05 taxable.
    // excl: 5005 × 10 % = 500.5 exactly → 501; total 5506.
    // incl: net 5005 / 1.1 = 4550 exactly; tax 455.
    name: "JP standard, the tax is exactly half a cent",
    country: "JP",
    method: "standard",
    lines: [[3006, 1]],
    code: null,
    subtotalCents: 3006,
    discountCents: 0,
    shippingCents: 1999,
    exclusive: { taxCents: 501, totalCents: 5506 },
    inclusive: { taxCents: 455, totalCents: 5005 },
  },
  {
    // 33 % of 33.33 = 10.9989 → 11.00; merchandise 22.33; express 44.99; taxable 67.32.
    // excl: 6732 × 10 % = 673.2 → 673; total 6732 + 673 = 7405.
    // incl: net 6732 / 1.1 = 6120 exactly; tax 612.
    name: "AU express with a percent code that rounds up",
    country: "AU",
    method: "express",
    lines: [[3333, 1]],
    code: percent(33),
    subtotalCents: 3333,
    discountCents: 1100,
    shippingCents: 4499,
    exclusive: { taxCents: 673, totalCents: 7405 },
    inclusive: { taxCents: 612, totalCents: 6732 },
  },
  {
    // 3 × 3.35 = 10.05; 10 % = 1.005 exactly → 1.01 (half up); merchandise 9.04; shipping 19.99; taxable 29.03.
    // excl: 2903 × 10 % = 290.3 → 290; total 2903 + 290 = 3193.
    // incl: net 2903 / 1.1 = 2639.09 → 2639; tax 264.
    name: "AU standard, a percent discount of exactly half a cent rounds up",
    country: "AU",
    method: "standard",
    lines: [[335, 3]],
    code: percent(10),
    subtotalCents: 1005,
    discountCents: 101,
    shippingCents: 1999,
    exclusive: { taxCents: 290, totalCents: 3193 },
    inclusive: { taxCents: 264, totalCents: 2903 },
  },
];

const addressIn: Record<CountryCode, Pick<PlaceOrderInput["shippingAddress"], "city" | "postalCode">> = {
  US: { city: "San Francisco", postalCode: "94105" },
  CA: { city: "Ottawa", postalCode: "K1A 0B1" },
  GB: { city: "London", postalCode: "SW1A 1AA" },
  DE: { city: "Berlin", postalCode: "10115" },
  FR: { city: "Paris", postalCode: "75001" },
  NL: { city: "Amsterdam", postalCode: "1012 AB" },
  ES: { city: "Madrid", postalCode: "28001" },
  IT: { city: "Rome", postalCode: "00118" },
  AU: { city: "Sydney", postalCode: "2000" },
  JP: { city: "Tokyo", postalCode: "100-0001" },
};

describe("the worked examples", () => {
  it("cover every zone, both methods, both kinds of code, and carts that add up", () => {
    expect(new Set(workedExamples.map((example) => example.country))).toEqual(
      new Set(["US", "CA", "DE", "GB", "JP", "AU"]),
    );
    expect(new Set(workedExamples.map((example) => example.method))).toEqual(new Set(["standard", "express"]));
    expect(new Set(workedExamples.map((example) => example.code?.kind ?? "none"))).toEqual(
      new Set(["none", "percent", "fixed"]),
    );
    for (const example of workedExamples) {
      const sum = example.lines.reduce((total, [price, quantity]) => total + price * quantity, 0);
      expect(sum, example.name).toBe(example.subtotalCents);
    }
  });
});

describe("orderTotals", () => {
  it.each(workedExamples)("exclusive: $name", (example) => {
    expect(
      orderTotals({
        subtotalCents: example.subtotalCents,
        taxMode: "exclusive",
        discount: example.code,
        destination: { country: example.country, method: example.method },
      }),
    ).toEqual({
      subtotalCents: example.subtotalCents,
      discountCents: example.discountCents,
      shippingCents: example.shippingCents,
      taxCents: example.exclusive.taxCents,
      totalCents: example.exclusive.totalCents,
    });
  });

  it.each(workedExamples)("inclusive: $name", (example) => {
    expect(
      orderTotals({
        subtotalCents: example.subtotalCents,
        taxMode: "inclusive",
        discount: example.code,
        destination: { country: example.country, method: example.method },
      }),
    ).toEqual({
      subtotalCents: example.subtotalCents,
      discountCents: example.discountCents,
      shippingCents: example.shippingCents,
      taxCents: example.inclusive.taxCents,
      totalCents: example.inclusive.totalCents,
    });
  });

  it("leaves shipping and tax null until there is a destination; the total is the merchandise", () => {
    // 10 % of 55.00 = 5.50: 49.50 whatever the mode.
    for (const taxMode of ["exclusive", "inclusive"] as const) {
      expect(orderTotals({ subtotalCents: 5500, taxMode, discount: percent(10), destination: null })).toEqual({
        subtotalCents: 5500,
        discountCents: 550,
        shippingCents: null,
        taxCents: null,
        totalCents: 4950,
      });
    }
  });
});

describe("roundHalfUp", () => {
  it.each([
    [0, 7, 0],
    [4, 10, 0],
    [5, 10, 1],
    [6, 10, 1],
    [15, 10, 2],
    [25, 10, 3],
    [1, 3, 0],
    [2, 3, 1],
    [4999, 10_000, 0],
    [5000, 10_000, 1],
    // 50.00 at 7.25 %: exactly 362.5 cents, which floating point makes 362.4999… (Math.round gives 362).
    [5000 * 725, 10_000, 363],
    // 8337.5 exactly: an exact half rounds up.
    [10005 * 10_000, 12_000, 8338],
  ])("%i / %i → %i", (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it("stays exact on large values, where floating-point division does not", () => {
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
    // 9007199254740991 / 2 = 4503599627370495.5 → …496.
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(4_503_599_627_370_496);
    // 9007199254740991 / 10 = 900719925474099.1 → …099.
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 10)).toBe(900_719_925_474_099);
    // 9007199254740985 / 10 = 900719925474098.5 → …099: twice the numerator is past MAX_SAFE_INTEGER, hence BigInt.
    expect(roundHalfUp(9_007_199_254_740_985, 10)).toBe(900_719_925_474_099);
    // 9007199254740991 / 3 = 3002399751580330.33 → …330; /6 = 1501199875790165.17 → …165.
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 3)).toBe(3_002_399_751_580_330);
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 6)).toBe(1_501_199_875_790_165);
    // A huge denominator: 1 / MAX rounds to 0, (MAX − 1) / MAX to 1.
    expect(roundHalfUp(1, Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)).toBe(1);
  });

  it("refuses what is not a non-negative integer fraction", () => {
    expect(() => roundHalfUp(-1, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -10)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.MAX_SAFE_INTEGER + 1, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe("through checkout.quote and checkout.placeOrder (exclusive, the default)", () => {
  let database: TestDatabase;
  let admin: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    const customer = await createCustomer(database.db, { name: "Totals Admin" });
    const [promoted] = await database.db
      .update(users)
      .set({ role: "admin" })
      .where(eq(users.id, customer.id))
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!promoted) throw new Error("no admin");
    admin = promoted;
  });

  afterAll(() => database.dispose());

  /** A code made the way a shop makes one, through admin.discounts.create; its name as stored. */
  async function codeFor(rule: DiscountRule): Promise<string> {
    const created = await callerFor(database.db, admin).admin.discounts.create({
      code: `TOTALS-${randomUUID().slice(0, 8)}`,
      kind: rule.kind,
      value: rule.kind === "percent" ? rule.percent : rule.amountCents,
    });
    return created.code;
  }

  /** A new buyer with one product per line at its exact price in the cart. */
  async function buyerWithCart(lines: [number, number][]) {
    const [buyer] = await insertCustomers(database.db, 1);
    if (!buyer) throw new Error("no buyer");
    const caller = callerFor(database.db, buyer);
    for (const [priceCents, quantity] of lines) {
      const product = await insertProduct(database.db, { stock: quantity, priceCents });
      await caller.cart.setItem({ productId: product.id, quantity });
    }
    return caller;
  }

  it.each(workedExamples)("$name", async (example) => {
    const caller = await buyerWithCart(example.lines);
    const discountCode = example.code ? await codeFor(example.code) : undefined;
    const expected = {
      subtotalCents: example.subtotalCents,
      discountCents: example.discountCents,
      shippingCents: example.shippingCents,
      taxCents: example.exclusive.taxCents,
      totalCents: example.exclusive.totalCents,
    };

    const quote = await caller.checkout.quote({
      country: example.country,
      shippingMethod: example.method,
      discountCode,
    });
    expect(quote).toMatchObject({ ...expected, taxMode: "exclusive" });
    expect(quote.discount).toEqual(discountCode ? expect.objectContaining({ applies: true }) : null);
    expect(quote.shippingMethods.find((method) => method.id === example.method)?.priceCents).toBe(
      example.shippingCents,
    );

    const placed = await caller.checkout.placeOrder({
      idempotencyKey: randomUUID(),
      shippingAddress: { ...shipTo.shippingAddress, ...addressIn[example.country], country: example.country },
      shippingMethod: example.method,
      discountCode,
    });
    expect(placed.order).toMatchObject({ ...expected, taxMode: "exclusive", discountCode: discountCode ?? null });

    // What is stored is what was quoted, and what the provider is asked to charge is its total.
    const [stored] = await database.db
      .select({
        subtotalCents: orders.subtotalCents,
        discountCents: orders.discountCents,
        shippingCents: orders.shippingCents,
        taxCents: orders.taxCents,
        totalCents: orders.totalCents,
      })
      .from(orders)
      .where(eq(orders.id, placed.order.id));
    expect(stored).toEqual(expected);
    const [ourSession] = await database.db
      .select({ amountCents: paymentSessions.amountCents })
      .from(paymentSessions)
      .where(eq(paymentSessions.orderId, placed.order.id));
    const [providerSession] = await database.db
      .select({ amountCents: testProviderSessions.amountCents })
      .from(testProviderSessions)
      .where(eq(testProviderSessions.merchantReference, placed.order.id));
    expect(ourSession?.amountCents).toBe(example.exclusive.totalCents);
    expect(providerSession?.amountCents).toBe(example.exclusive.totalCents);
  });

  it("quotes shipping and tax as null until a country and a method are given", async () => {
    // 55.00 with 10 % off: 49.50 of merchandise, and that is the total so far.
    const caller = await buyerWithCart([[5500, 1]]);
    const discountCode = await codeFor(percent(10));

    const noCountry = await caller.checkout.quote({ discountCode });
    expect(noCountry).toMatchObject({
      subtotalCents: 5500,
      discountCents: 550,
      shippingCents: null,
      taxCents: null,
      totalCents: 4950,
    });
    expect(noCountry.shippingMethods.map((method) => [method.id, method.priceCents, method.freeFromCents])).toEqual([
      ["standard", null, null],
      ["express", null, null],
    ]);

    // A country alone prices each method (49.50 < 50.00: standard is paid) but picks none.
    const noMethod = await caller.checkout.quote({ country: "US", discountCode });
    expect(noMethod).toMatchObject({ shippingCents: null, taxCents: null, totalCents: 4950 });
    expect(noMethod.shippingMethods.map((method) => [method.id, method.priceCents, method.freeFromCents])).toEqual([
      ["standard", 599, 5000],
      ["express", 1499, null],
    ]);

    // Nothing at all: the subtotal is the total.
    expect(await caller.checkout.quote({})).toMatchObject({
      subtotalCents: 5500,
      discountCents: 0,
      shippingCents: null,
      taxCents: null,
      totalCents: 5500,
      discount: null,
    });
  });
});
