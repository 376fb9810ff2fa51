// No dead ends: an unclear question gets buttons for the plausible questions about what it names; a question
// out of scope gets one line saying what the bot answers, and the help button.
import { result, type FollowUp, type PathResult } from '../path/result';
import type { Entity, Intent } from './parse';

const HELP: FollowUp = { title: 'What can I ask?', question: 'help', intent: 'help' };

const SCOPE =
  'I only read: I change nothing (no restarts, scaling or edits) and know nothing of prices or other clouds. ' +
  'I answer how traffic flows in this cluster and its Azure network: egress IPs, inbound paths, pod to pod, ' +
  'NetworkPolicies, DNS, load balancers.';

// understood and refused: not the "did not understand" of an unclear question
export const scopeReply = (): PathResult =>
  result('unknown', 'not-understood', SCOPE, {
    title: 'Understood, but I only read and explain network paths',
    followUps: [HELP],
  });

/** ns/name of a pod entity, or its workload name in its namespace (a group question). */
function subjectOf(e: Entity): string {
  const [ns, pod] = e.matched.split('/');
  if (e.kind === 'workload') return `${e.text.split('/').pop()} -n ${ns}`;
  return `${pod} -n ${ns}`;
}

// ("x/a": a name written with its namespace keeps it, where the bare name is in several namespaces)
const label = (e: Entity) =>
  e.kind === 'pod-ip' || /^[a-z0-9-]+\/[a-z0-9.-]+$/.test(e.text) ? e.text : e.text.split('/').pop()!;

/** The plausible questions about one entity. */
function about(e: Entity): FollowUp[] {
  const name = label(e);
  if (e.kind === 'pod' || e.kind === 'workload' || e.kind === 'pod-ip') {
    const s = subjectOf(e);
    return [
      { title: `Egress IP of ${name}`, question: `egress ${s}`, intent: 'egress' },
      { title: `Where is ${name}`, question: `pod ${s}`, intent: 'pod' },
      { title: `How traffic reaches ${name}`, question: `inbound ${s}`, intent: 'inbound' },
    ];
  }
  if (e.kind === 'service') {
    const [ns, svc] = e.matched.split('/');
    return [
      { title: `How traffic reaches ${svc}`, question: `inbound service ${svc} -n ${ns}`, intent: 'inbound' },
      { title: `What ${svc}.${ns} resolves to`, question: `dns ${svc}.${ns}`, intent: 'dns' },
    ];
  }
  if (e.kind === 'route' || e.kind === 'ingress' || e.kind === 'host') {
    const [ns, n] = e.matched.includes('/') ? e.matched.split('/') : [undefined, e.matched];
    const q = e.kind === 'host' ? n : `${e.kind} ${n}${ns ? ` -n ${ns}` : ''}`;
    return [
      { title: `How traffic reaches ${n}`, question: `inbound ${q}`, intent: 'inbound' },
      { title: `What ${e.kind === 'host' ? n : `the host of ${n}`} resolves to`, question: `dns ${q}`, intent: 'dns' },
    ];
  }
  return [];
}

/** Two workloads named without a clear question: can they talk, and how. */
function pairChoices(a: Entity, b: Entity): FollowUp[] {
  const [an, bn] = [a, b].map((e) => e.matched);
  return [
    { title: `Can ${label(a)} reach ${label(b)}?`, question: `policy ${an} -> ${bn}`, intent: 'policy' },
    { title: `Path ${label(a)} → ${label(b)}`, question: `path ${an} -> ${bn}`, intent: 'east-west' },
  ];
}

const LBS: FollowUp = {
  title: 'Load balancers and SNAT use',
  question: 'which load balancers are there?',
  intent: 'load-balancers',
};

/** A network problem reported without a place: "the network is broken", "connectivity issues since 9am", "something
 * with the network is not ok", "the platform feels slow". */
const NETWORK_TROUBLE = new RegExp(
  String.raw`\b(network(ing)?|connectivity|traffic|connections?|platform)\b.{0,40}\b(wrong|broken|down|slow|` +
    String.raw`sluggish|laggy|issues?|problems?|flaky|weird|failing|fails|not working|not ok|not okay)\b|` +
    String.raw`\b(wrong|broken|issues?|problems?)\b.{0,30}\b(network(ing)?|connectivity)\b`,
);

/** Nothing named that the inventory knows: what was read, the closest names, and where to start. */
function nothingFound(intent: Intent): PathResult {
  const read = intent.ips.length ? ` I read the address ${intent.ips.join(', ')}, but not the question.` : '';
  const near = (intent.near ?? []).map((n) => ({ title: `Where is ${n}`, question: `pod ${n}`, intent: 'pod' }));
  const what = intent.ips.map((ip) => ({ title: `What is ${ip}`, question: `whatis ${ip}`, intent: 'what-is' }));
  // "something is wrong with the network": a problem was understood, only its place is missing; the reply asks where
  const answer = NETWORK_TROUBLE.test(intent.text)
    ? `A network problem, but nothing I can look at is named.${read} Name the pod, Service or address it affects, ` +
      'or start from a button.'
    : `I did not understand that question.${read} "help" lists what I answer.`;
  return result('unknown', 'not-understood', answer, {
    title: 'I could not tell what you are asking',
    followUps: [...what.slice(0, 1), ...near.slice(0, 2), LBS, HELP].slice(-3),
    suggestions: intent.near,
  });
}

/** The buttons about what was named, the families that came out close first ("egress or inbound?"). */
function choicesFor(intent: Intent, entities: Entity[]): FollowUp[] {
  const pods = entities.filter((e) => e.kind !== 'service' && e.pods);
  const pair = pods.length >= 2 && pods[0].matched !== pods[1].matched;
  const parties = entities.filter((e) => e.pods);
  const all = [
    ...(pair ? pairChoices(pods[0], pods[1]) : []),
    ...(!pair && parties.length >= 2 && parties[0].matched !== parties[1].matched
      ? pairChoices(parties[0], parties[1])
      : []),
    // each thing said gets a button before any gets a second: an address said with a name is one of them
    ...entities.flatMap((e) => about(e).slice(0, 1)),
    ...intent.ips.map((ip) => ({ title: `What is ${ip}`, question: `whatis ${ip}`, intent: 'what-is' })),
    ...entities.flatMap((e) => about(e).slice(1)),
  ];
  const close: string[] = intent.close ?? [];
  if (close.includes('load-balancers')) all.push(LBS);
  // one button for each close family first, in their order; then the rest
  const firsts = close.map((k) => all.find((f) => f.intent === k)).filter((f): f is FollowUp => !!f);
  const seen = new Set<string>();
  return [...firsts, ...all].filter((f) => !seen.has(f.question) && !!seen.add(f.question)).slice(0, 3);
}

/** Several pairs asked in one message: a button for each, asked the way the message asked (a verdict or a path). */
function pairsReply(intent: Intent, pairs: NonNullable<Intent['pairs']>): PathResult {
  const verdict = intent.close?.includes('policy');
  const said = pairs.map((x) => `${x.client} → ${x.target}${x.port ? `:${x.port}` : ''}`);
  const followUps = pairs.slice(0, 4).map((x, i) => {
    const target = `${x.target}${x.port ? `:${x.port}` : ''}`;
    return verdict
      ? { title: `Can ${said[i]}?`, question: `policy ${x.client} -> ${target}`, intent: 'policy' }
      : { title: `Path ${said[i]}`, question: `path ${x.client} -> ${target}`, intent: 'east-west' };
  });
  const answer = `This asks about ${pairs.length} pairs (${said.join('; ')}): I answer one at a time, pick one.`;
  return result('unknown', 'not-understood', answer, { title: 'Which pair first?', followUps });
}

/** A name taken back from a pair without saying which party it replaces: a button for each reading. */
export function readingsReply(kind: string, readings: [string, string]): PathResult {
  const followUps = readings.map((q) => ({ title: q, question: q, intent: kind }));
  const answer = `I can read the correction two ways: "${readings[0]}" or "${readings[1]}". Which one?`;
  return result('unknown', 'not-understood', answer, { title: 'Which one did you take back?', followUps });
}

/** Entities found but no question recognized (or two readings equally likely): buttons for what could be meant. */
export function unclearReply(intent: Intent): PathResult {
  if (intent.pairs) return pairsReply(intent, intent.pairs);
  const entities = (intent.entities ?? []).filter((e) => about(e).length);
  if (!entities.length && !(intent.close && intent.ips.length)) return nothingFound(intent);
  const named = entities.map((e) => (e.text === e.matched ? e.text : `${e.text} (${e.kind} ${e.matched})`));
  const subjects = [...named, ...intent.ips.filter(() => named.length)].join(', ') || intent.ips.join(', ');
  // two families scored alike: asking is better than a confident answer to the other question
  const ways = intent.close?.length === 3 ? 'three' : 'two';
  const answer = intent.close
    ? `I can read this ${ways} ways (${intent.close.join(' or ')}) about ${subjects}: pick what you want to know.`
    : `I found ${subjects}, but not what you want to know about it: pick one.`;
  return result('unknown', 'not-understood', answer, {
    title: 'What would you like to know?',
    followUps: choicesFor(intent, entities),
  });
}
