// `packet-path diff OLD NEW`: the path facts of two snapshot folders, compared.
import type { Inventory } from '../inventory/inventory';
import { compare, type Diff } from './compare';
import { pathFacts } from './facts';

export type { Change, Diff } from './compare';
export { compare } from './compare';
export { pathFacts, type Fact, type FactSet } from './facts';

/** The path-relevant changes from one inventory to another. */
export async function diffInventories(before: Inventory, after: Inventory): Promise<Diff> {
  const [b, a] = await Promise.all([pathFacts(before), pathFacts(after)]);
  return compare(b.facts, a.facts);
}

/** The changes for people: one line each, or a sentence saying there are none. */
export function renderDiff(d: Diff, oldName: string, newName: string): string {
  if (!d.changes.length) return `No path-relevant changes between ${oldName} and ${newName}.`;
  const n = d.changes.length;
  const head = `${n} path-relevant change${n === 1 ? '' : 's'} between ${oldName} and ${newName}:`;
  return [head, ...d.changes.map((c) => `- ${c.kind}: ${c.impact}`)].join('\n');
}
