// The address a host our routes or ingresses serve resolves to, as the DNS and inbound answers give it: one rule for
// every family that dials such a host from a pod.
import type { Ctx } from '../family';
import { decide, type DnsDecision } from './decide';
import { facts } from './facts';
import { externalHost } from './resolve';

export type HostAddress = Extract<DnsDecision, { kind: 'external' }>;

/** The public address of `name` when a route, ingress or HTTPRoute of this cluster serves it. */
export async function hostAddress(name: string, ctx: Ctx): Promise<HostAddress | undefined> {
  const external = await externalHost(name, ctx);
  if (!external) return undefined;
  const subjects = { name, external };
  const d = decide(subjects, await facts(subjects, ctx));
  return d.kind === 'external' ? d : undefined;
}
