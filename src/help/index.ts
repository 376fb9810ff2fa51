// "help": what the bot answers, generated from the registry's specs.
import type { Family, IntentSpec } from '../family';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';

type Specs = readonly IntentSpec[];

export const help: Family<'help', object, Specs, Specs> = {
  spec,
  card: 'help',
  resolve: async () => ({}),
  facts: async (_s, ctx) => ctx.specs.filter((i) => i.kind !== 'help'),
  decide: (_s, specs) => specs,
  narrate,
};

function narrate(specs: Specs): PathResult {
  const lines = specs.map((i) => `• ${i.title} — e.g. "${i.examples[0]}" (or \`${i.command}\`)`);
  return result(
    'help',
    'answered',
    `I explain the network path of your cluster's workloads. Ask me:\n${lines.join('\n')}`,
    {
      title: 'packet-path: what I can answer',
      followUps: specs.slice(0, 5).map((i) => ({ title: i.examples[0], question: i.examples[0] })),
    },
  );
}
