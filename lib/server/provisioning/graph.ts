import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The graph step the current work runs for: each Twilio call is attributed to it (the audit log's
 * `twilio.call` rows, the benchmarks' critical path).
 */
export const graphStep = new AsyncLocalStorage<string>();

/**
 * A step of the provisioning graph: runs once its dependencies have. A `paced` step sends only
 * requests that wait for the account's one-per-second slot (brands, campaigns): it takes a call
 * slot of the account around each request, not for the whole step, so its wait for the rate slot
 * keeps no call slot from other customers' steps.
 */
export type GraphNode = { id: string; deps: string[]; run: () => Promise<void>; paced?: boolean };

/**
 * How many steps at most still follow each node (itself included): the length of the longest chain
 * it starts. Pure.
 */
export function chainHeights(nodes: GraphNode[]): Map<string, number> {
  const dependents = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const node of nodes) for (const dep of node.deps) dependents.get(dep)?.push(node.id);
  const heights = new Map<string, number>();
  const height = (id: string): number => {
    if (!heights.has(id)) heights.set(id, 1 + Math.max(0, ...(dependents.get(id) ?? []).map(height)));
    return heights.get(id)!;
  };
  for (const node of nodes) height(node.id);
  return heights;
}

/**
 * Runs a dependency graph with at most `concurrency` nodes at once. When more are ready than may
 * run, the ones that start the longest chains go first (critical path first): a step on the
 * longest chain never waits behind one that nothing waits for. After the first failure no new node
 * starts; the ones under way finish, and every failure is reported.
 */
export async function runGraph(
  nodes: GraphNode[],
  concurrency: number,
  onStart?: (id: string) => void,
): Promise<{ done: string[]; failures: { id: string; error: unknown }[] }> {
  const done = new Set<string>();
  const started = new Set<string>();
  const failures: { id: string; error: unknown }[] = [];
  const running = new Map<string, Promise<void>>();
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes)
    for (const dep of node.deps) if (!ids.has(dep)) throw new Error(`${node.id} depends on unknown step ${dep}`);

  const heights = chainHeights(nodes);
  const byChain = [...nodes].sort((a, b) => heights.get(b.id)! - heights.get(a.id)!);
  for (;;) {
    if (!failures.length) {
      for (const node of byChain) {
        if (running.size >= concurrency) break;
        if (started.has(node.id) || !node.deps.every((dep) => done.has(dep))) continue;
        started.add(node.id);
        onStart?.(node.id);
        running.set(
          node.id,
          graphStep
            .run(node.id, () => node.run())
            .then(
              () => {
                done.add(node.id);
                running.delete(node.id);
              },
              (error: unknown) => {
                failures.push({ id: node.id, error });
                running.delete(node.id);
              },
            ),
        );
      }
    }
    if (!running.size) break;
    await Promise.race(running.values());
  }
  return { done: [...done], failures };
}
