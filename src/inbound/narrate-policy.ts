// The NetworkPolicy gates of the way in, in words: the first pod that refuses the source it sees turns the answer
// into a denial (or a limit to the addresses its rules name); a cluster that enforces none is said so.
import type { PathResult } from '../path/result';
import type { InboundPolicy, PodGate } from './policy';

// which source a policy acts on after a load balancer or node rewrites it is left to the implementation
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
const REWRITTEN =
  'Kubernetes leaves undefined whether a NetworkPolicy sees the client or the address that rewrote it (the node ' +
  "after SNAT, a host-network proxy's node): the verdict is for the address the pod sees; check your policy engine";

export function withPolicy(r: PathResult, p: InboundPolicy | undefined): PathResult {
  if (!p?.gates.length || r.status !== 'answered') return r;
  const out = { ...r, facts: [...r.facts], warnings: [...r.warnings], verify: [...r.verify] };
  for (const ns of new Set(p.gates.map((g) => g.pod.split('/')[0])))
    out.verify.push(`kubectl get networkpolicy -n ${ns} -o yaml`);
  const selected = p.gates.filter((g) => g.verdict.policies.length);
  if (p.enforcement.enforced === false) {
    if (selected.length) out.facts.push({ label: 'Policy', value: `not enforced: ${p.enforcement.why}` });
    return out;
  }
  if (p.enforcement.enforced === undefined && selected.length) out.warnings.push(cap(p.enforcement.why));
  if (selected.some((g) => g.rewritten)) out.warnings.push(REWRITTEN);
  const refused = p.gates.find((g) => !g.verdict.allowed);
  for (const g of p.gates) out.facts.push({ label: 'Policy', value: `${g.pod} from ${g.source}: ${g.verdict.reason}` });
  if (!refused) return out;
  out.warnings.unshift(`NetworkPolicy: ${refused.verdict.reason}`);
  return refused.verdict.onlyFrom ? limited(out, refused) : denied(out, refused);
}

function denied(out: PathResult, g: PodGate): PathResult {
  const by = g.verdict.policies.join(', ');
  const why = `NetworkPolicy ${by} drops it`;
  out.answer = `${g.pod} does not accept it from ${g.source}: ${why}. Were it allowed: ${out.answer}`;
  out.title = `Denied by NetworkPolicy ${by}: ${out.title ?? g.pod}`;
  return out;
}

function limited(out: PathResult, g: PodGate): PathResult {
  const from = g.verdict.onlyFrom!.join(', ');
  const by = `NetworkPolicy ${g.verdict.policies.join(', ')} on ${g.pod}`;
  out.answer = `Only clients from ${from} get in (${by}). For them: ${out.answer}`;
  out.title = `Only from ${from}: ${out.title ?? g.pod}`;
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
