// Pod facts in words: a one-line answer, the facts table, and how to check it.
import { result, type Fact, type PathResult } from '../path/result';
import type { PodDecision } from './decide';

function factsOf(d: PodDecision): Fact[] {
  const facts: Fact[] = [
    { label: 'Namespace', value: d.namespace },
    { label: 'Pod IP', value: d.ip ?? 'none' + (d.hostNetwork ? ' (host network)' : '') },
    { label: 'Node', value: d.node ? `${d.node.name} (${d.node.ip})` : (d.nodeName ?? 'not scheduled') },
    { label: 'Phase', value: d.phase ?? 'unknown' },
  ];
  if (d.owner) facts.push({ label: 'Owner', value: `${d.owner.kind} ${d.owner.name}` });
  if (d.hostNetwork) facts.push({ label: 'Network', value: 'host network: uses the node IP' });
  return [...facts, ...d.env.map((e) => ({ label: `env ${e.name}`, value: e.shown }))];
}

function answerOf(d: PodDecision): string {
  const state = d.running ? 'runs' : `is ${d.phase ?? 'in an unknown phase'}`;
  const where = `on node ${d.nodeName ?? '(none)'}${d.node ? ` (${d.node.ip})` : ''}`;
  const owner = d.owner ? `; owned by ${d.owner.kind} ${d.owner.name}` : '';
  return `${d.name} (${d.namespace}) ${state} ${where} with IP ${d.ip ?? 'none'}${owner}.`;
}

export function narrate(d: PodDecision): PathResult {
  const { name, namespace: ns } = d;
  return result('pod', 'answered', answerOf(d), {
    title: `${name}: ${d.ip ?? 'no IP'} on ${d.nodeName ?? '?'}`,
    facts: factsOf(d),
    verify: [
      `kubectl get pod ${name} -n ${ns} -o wide`,
      `kubectl get pod ${name} -n ${ns} -o jsonpath='{range .spec.containers[*].env[*]}{.name}{"\\n"}{end}'`,
    ],
    followUps: [{ title: 'Public egress IP', question: `what's the public ip of pod ${name} -n ${ns}` }],
  });
}
