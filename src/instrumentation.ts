/** Runs once when a server process starts. */
export async function register() {
  // Next inlines NEXT_RUNTIME per bundle; importing src/env.ts here would drag it into the edge build.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartWithoutProductionEnv, warnOfTestPayments } = await import("./server/startup-check");
    refuseToStartWithoutProductionEnv();
    warnOfTestPayments();
    const { warnWhenClientAddressUnknown } = await import("./server/client-address-check");
    warnWhenClientAddressUnknown();
    const { startBackgroundWork } = await import("./server/jobs/background");
    void startBackgroundWork();
  }
}
