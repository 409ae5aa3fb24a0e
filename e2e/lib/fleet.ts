import { startInstance, type Instance, type InstanceOptions } from "./instance";
import { startNginx, type RunningNginx } from "./nginx";
import { createE2EDatabase, type E2EDatabase } from "./test-database";

/** Two production servers on one fresh PostgreSQL database, behind nginx (docs/deploy/nginx-storefront.conf). */
export interface Fleet {
  database: E2EDatabase;
  instances: Instance[];
  nginx: RunningNginx;
  /** Stops nginx, then the instances (with `signal`), then drops the database. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startFleet(options: {
  ports: readonly [number, number];
  nginxPort: number;
  env: Record<string, string>;
  server?: InstanceOptions["server"];
  clientAddressHeader?: string;
}): Promise<Fleet> {
  const database = await createE2EDatabase();
  const instances: Instance[] = [];
  for (const port of options.ports) {
    instances.push(await startInstance({ port, databaseUrl: database.url, env: options.env, server: options.server }));
  }
  const nginx = await startNginx({
    port: options.nginxPort,
    upstreamPorts: [...options.ports],
    clientAddressHeader: options.clientAddressHeader,
  });
  return {
    database,
    instances,
    nginx,
    stop: async (signal = "SIGTERM") => {
      await nginx.stop();
      await Promise.all(instances.map((instance) => instance.stop(signal)));
      await database.drop();
    },
  };
}
