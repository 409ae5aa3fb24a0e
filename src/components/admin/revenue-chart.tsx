"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";

interface Day {
  date: string;
  revenueCents: number;
  orders: number;
}

const shortDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

function label(date: string): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

/** Revenue per day as bars and orders per day as a line; the same numbers are in the table below it for screen readers. */
export function RevenueChart({ days, currency }: { days: Day[]; currency: string }) {
  const data = days.map((day) => ({ ...day, label: label(day.date), revenue: day.revenueCents / 100 }));
  return (
    <figure className="chart" aria-labelledby="revenue-chart-caption">
      <ComposedChart
        data={data}
        responsive
        style={{ width: "100%", height: 260 }}
        margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tickLine={false} fontSize={12} />
        <YAxis
          yAxisId="revenue"
          tickFormatter={(value: number) => formatMoney(value * 100, currency)}
          width={72}
          fontSize={12}
        />
        <YAxis yAxisId="orders" orientation="right" allowDecimals={false} width={32} fontSize={12} />
        <Tooltip
          formatter={(value, name) =>
            name === "Revenue" ? [formatMoney(Number(value) * 100, currency), name] : [String(value), name]
          }
          labelFormatter={(value) => String(value)}
        />
        <Legend verticalAlign="top" height={24} />
        <Bar yAxisId="revenue" dataKey="revenue" name="Revenue" fill="#1d4ed8" radius={[4, 4, 0, 0]} />
        <Line
          yAxisId="orders"
          dataKey="orders"
          name="Orders"
          type="monotone"
          stroke="#b45309"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </ComposedChart>
      <figcaption id="revenue-chart-caption" className="field__hint">
        Revenue (bars) and orders (line) per day (UTC), cancelled orders excluded.
      </figcaption>
    </figure>
  );
}
