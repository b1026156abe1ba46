/** A step of the provisioning graph: runs once its dependencies have. */
export type GraphNode = { id: string; deps: string[]; run: () => Promise<void> };

/**
 * Runs a dependency graph with at most `concurrency` nodes at once. After the first failure no new
 * node starts; the ones under way finish, and every failure is reported.
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

  for (;;) {
    if (!failures.length) {
      for (const node of nodes) {
        if (running.size >= concurrency) break;
        if (started.has(node.id) || !node.deps.every((dep) => done.has(dep))) continue;
        started.add(node.id);
        onStart?.(node.id);
        running.set(
          node.id,
          node.run().then(
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
