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

const label = (e: Entity) => (e.kind === 'pod-ip' ? e.text : e.text.split('/').pop()!);

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

/** Entities found but no question recognized: buttons for what could be meant; nothing found: what was read. */
export function unclearReply(intent: Intent): PathResult {
  const entities = (intent.entities ?? []).filter((e) => about(e).length);
  if (!entities.length) {
    const read = intent.ips.length ? ` I read the address ${intent.ips.join(', ')}, but not the question.` : '';
    const near = (intent.near ?? []).map((n) => ({ title: `Where is ${n}`, question: `pod ${n}`, intent: 'pod' }));
    return result(
      'unknown',
      'not-understood',
      `I did not understand that question.${read} "help" lists what I answer.`,
      {
        title: 'I could not tell what you are asking',
        followUps: [...near.slice(0, 2), HELP],
        suggestions: intent.near,
      },
    );
  }
  const pods = entities.filter((e) => e.kind !== 'service' && e.pods);
  const choices =
    pods.length >= 2 && pods[0].matched !== pods[1].matched
      ? [...pairChoices(pods[0], pods[1]), ...about(pods[0]).slice(0, 1)]
      : entities.flatMap(about);
  const named = entities.map((e) => (e.text === e.matched ? e.text : `${e.text} (${e.kind} ${e.matched})`));
  return result(
    'unknown',
    'not-understood',
    `I did not understand the question, but found ${named.join(', ')}: pick what you want to know.`,
    {
      title: 'What would you like to know?',
      followUps: choices.slice(0, 3),
    },
  );
}
