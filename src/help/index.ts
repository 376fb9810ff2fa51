// "help": what the bot answers, generated from the registry's specs.
import type { Family, IntentSpec } from '../family';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';
import { WATCH_HELP } from '../watch/command';

type Specs = readonly IntentSpec[];
interface Listed {
  specs: Specs;
  /** the examples name the demo's objects: as buttons they answer only on the demo */
  demo: boolean;
}

export const help: Family<'help', object, Listed, Listed> = {
  spec,
  card: 'help',
  resolve: async () => ({}),
  facts: async (_s, ctx) => ({
    specs: ctx.specs.filter((i) => i.kind !== 'help'),
    demo: ctx.inv.source === 'demo snapshot',
  }),
  decide: (_s, listed) => listed,
  narrate,
};

// a question that names no object answers on any cluster
const ANYWHERE = /^which load balancers/;

function narrate({ specs, demo }: Listed): PathResult {
  const lines = [
    ...specs.map((i) => `• ${i.title} — e.g. "${i.examples[0]}" (or: ${i.command})`),
    `• ${WATCH_HELP.title} — e.g. "${WATCH_HELP.example}" (or: ${WATCH_HELP.command})`,
  ];
  const buttons = specs.filter((i) => demo || ANYWHERE.test(i.examples[0]));
  return result(
    'help',
    'answered',
    `I explain the network path of your cluster's workloads. Ask me:\n${lines.join('\n')}`,
    {
      title: 'packet-path: what I can answer',
      followUps: buttons.slice(0, 5).map((i) => ({ title: i.examples[0], question: i.examples[0] })),
    },
  );
}
