// A policy decision in words: the path of east-west, answered as a verdict
// ("Yes: … can reach …" / "No: … cannot reach …"), with the NetworkPolicies
// that decide it as a typed field.
import type { EastWestDecision, PathDecision } from '../east-west/decide';
import {
  clientName,
  denied,
  narratePair,
  policyText,
  portText,
  serverName,
  type PairWording,
} from '../east-west/narrate';
import type { Verdict as PolicyVerdict } from '../path/policy';
import type { PathResult, Verdict } from '../path/result';

export const narrate = (d: EastWestDecision): PathResult => narratePair(d, POLICY);

const POLICY: PairWording = {
  intent: 'policy',
  path(d) {
    const blocked = denied(d);
    const from = clientName(d.client.pod);
    const to = serverName(d.server.pod);
    const port = portText(d);
    const on = port ? ` on ${d.policy.protocol.toLowerCase()}${port}` : '';
    const pair = `${d.client.pod.metadata.name} → ${d.server.pod.metadata.name}`;
    if (blocked.length)
      return {
        answer: `No: ${from} cannot reach ${to}${on} — ${blocked.map((v) => v.reason).join('; ')}.`,
        title: `Denied: ${pair}`,
        verdict: verdictOf(d),
      };
    return {
      answer: `Yes: ${from} can reach ${to}${on} — ${policyText(d.policy.egress, d.policy.ingress)}.`,
      title: `Allowed: ${pair}`,
      verdict: verdictOf(d),
    };
  },
  // no such port, no ready endpoints: the client cannot reach the server, whatever the policies say
  fails: { verdict: { allowed: false, by: [] } },
};

/** Allowed: the policies that allow (none when no policy applies); denied: the policies that isolate. */
function verdictOf(d: PathDecision): Verdict {
  const { egress, ingress } = d.policy;
  // egress policies live in the client's namespace, ingress policies in the server's
  const named = (v: PolicyVerdict) => {
    const ns = (v === egress ? d.client : d.server).pod.metadata.namespace;
    return v.policies.map((p) => `${ns}/${p}`);
  };
  const blocked = denied(d);
  return { allowed: !blocked.length, by: (blocked.length ? blocked : [egress, ingress]).flatMap(named) };
}
