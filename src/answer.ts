// The pipeline every front end shares: text → intent → subjects → path result.
import type { Inventory } from './inventory/inventory';
import type { Pod } from './inventory/k8s-types';
import { INTENTS, type IntentKind } from './nlu/intents';
import { closest } from './nlu/names';
import { parse, type Intent } from './nlu/parse';
import { resolvePod } from './nlu/resolve';
import { egressPath } from './path/egress';
import { result, type PathResult } from './path/result';
import { Trace } from './path/trace';

type Handler = (intent: Intent, inv: Inventory) => Promise<PathResult>;

const HANDLERS: Record<IntentKind, Handler> = {
  egress: async (intent, inv) => {
    const subject = await findPod(intent, inv, 'egress');
    if ('status' in subject) return subject;
    const r = await egressPath(inv, { pod: subject.pod, destination: intent.destination });
    if (subject.note) r.warnings.unshift(subject.note);
    return r;
  },
  help: async () => help(),
};

export function help(): PathResult {
  const lines = INTENTS.filter((i) => i.kind !== 'help').map((i) => `• ${i.title} — e.g. "${i.examples[0]}" (or \`${i.command}\`)`);
  return result('help', 'answered', `I explain the network path of your cluster's workloads. Ask me:\n${lines.join('\n')}`, {
    title: 'packet-path: what I can answer',
  });
}

async function findPod(intent: Intent, inv: Inventory, kind: string): Promise<{ pod: Pod; note?: string } | PathResult> {
  const trace = new Trace();
  const pods = (await trace.try('pods', () => inv.list('Pod'))) ?? [];
  if (trace.errors.length) return result(kind, 'not-found', `I could not list pods, so I cannot find the pod you mean.`, { errors: trace.errors });
  if (intent.namespace) {
    const namespaces = (await trace.try('namespaces', () => inv.list('Namespace'))) ?? [];
    const known = new Set([...namespaces.map((n) => n.metadata.name), ...pods.map((p) => p.metadata.namespace ?? '')]);
    if (!known.has(intent.namespace)) {
      const near = closest(intent.namespace, [...known]);
      return result(kind, 'not-found', `There is no namespace "${intent.namespace}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`, { suggestions: near });
    }
  }
  const typed = intent.typed.filter((t) => t.type === 'pod' || t.type === 'deployment' || t.type === 'deploymentconfig').map((t) => t.name);
  const names = [...new Set([...typed, ...intent.names])];
  if (names.length === 0) {
    return result(kind, 'not-understood', `Which pod? Name it, for example: "${INTENTS.find((i) => i.kind === kind)?.examples[0]}".`);
  }
  const misses: { name: string; suggestions: string[] }[] = [];
  for (const name of names) {
    const r = resolvePod(pods, name, intent.namespace);
    if ('found' in r) return { pod: r.found, note: r.note };
    if ('ambiguous' in r) {
      const choices = r.ambiguous.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
      return result(kind, 'ambiguous', `"${name}" matches several pods: ${choices.join(', ')}. Which one?`, { suggestions: choices });
    }
    misses.push({ name: r.missing, suggestions: r.suggestions });
  }
  const suggestions = [...new Set(misses.flatMap((m) => m.suggestions))];
  const where = intent.namespace ? ` in namespace ${intent.namespace}` : '';
  const asked = typed[0] ?? misses.find((m) => m.suggestions.length)?.name ?? misses[0].name;
  return result(kind, 'not-found', `I found no pod "${asked}"${where}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`, { suggestions });
}

export async function ask(text: string, inv: Inventory): Promise<PathResult> {
  const intent = parse(text);
  if (intent.kind === 'unknown') {
    const examples = INTENTS.filter((i) => i.kind !== 'help').map((i) => `"${i.examples[0]}"`).join(', ');
    return result('unknown', 'not-understood', `I did not understand that question. Try ${examples}, or "help".`);
  }
  return HANDLERS[intent.kind](intent, inv);
}
