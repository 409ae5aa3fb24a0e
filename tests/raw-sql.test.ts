import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

describe("raw SQL for libraries that bring their own (the job queue)", () => {
  it("runs parameterised statements and whole scripts", async () => {
    expect((await database.executeSql("select $1::int + 1 as n", [41])).rows).toEqual([{ n: 42 }]);
    expect((await database.executeSql("select 1 as a; select 2 as b")).rows).toEqual([{ b: 2 }]);
  });

  it("ends the transaction a failed script opened, so the connection serves the next query", async () => {
    // pg-boss's upkeep runs as BEGIN; …; COMMIT scripts: one that fails must not leave an aborted transaction behind.
    await expect(database.executeSql("begin; select 1 / 0; commit;")).rejects.toThrow(/division by zero/);
    for (let query = 0; query < 25; query += 1) {
      expect((await database.executeSql("select $1::int as n", [query])).rows).toEqual([{ n: query }]);
    }
    expect((await database.executeSql("select 3 as c")).rows).toEqual([{ c: 3 }]);
  });
});
