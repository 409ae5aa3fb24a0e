import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcEntry {
  pid: number;
  parent: number;
  cpuSeconds: number;
  rssBytes: number;
}

function readProc(pid: number): ProcEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return {
      pid,
      parent: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
      rssBytes: rssKb * 1024,
    };
  } catch {
    return null;
  }
}

/** A process and all its descendants (a server may fork workers). */
export function processTree(rootPid: number): ProcEntry[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((entry): entry is ProcEntry => entry !== null);
  const tree: ProcEntry[] = [];
  const wanted = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of all) {
      if (!tree.includes(entry) && (wanted.has(entry.pid) || wanted.has(entry.parent))) {
        tree.push(entry);
        wanted.add(entry.pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** CPU seconds used so far and resident memory now, summed over the process tree. */
export function treeStats(rootPid: number): { cpuSeconds: number; rssBytes: number } {
  return processTree(rootPid).reduce(
    (sum, entry) => ({ cpuSeconds: sum.cpuSeconds + entry.cpuSeconds, rssBytes: sum.rssBytes + entry.rssBytes }),
    { cpuSeconds: 0, rssBytes: 0 },
  );
}
