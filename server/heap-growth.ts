import v8 from "node:v8";

/**
 * After each full collection V8 lets the heap grow to several times what
 * survived before it collects again, more the more memory the machine has:
 * under load this server's heap reached ~350 MB around ~70 MB of live data
 * (bench/README.md). Capping the heap (`--max-old-space-size`) would turn a
 * spike into a crash; limiting the growth factor instead makes V8 collect
 * sooner, at some CPU, and still lets the heap follow what is really live.
 * Read by V8 at every collection, so setting it at start-up takes effect.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
