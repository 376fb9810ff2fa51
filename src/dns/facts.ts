// The lookups of a DNS answer, each through the trace: a failed one is an
// entry in errors and an undefined list here (the answer then says so).
import type { Ctx } from '../family';
import type { EndpointSlice, Endpoints, Pod, Service } from '../inventory/k8s-types';
import { inbound } from '../inbound';
import type { InboundFacts } from '../inbound/facts';
import type { DnsSubjects } from './resolve';

export interface DnsFacts {
  services?: Service[];
  pods?: Pod[];
  slices?: EndpointSlice[];
  legacy?: Endpoints[];
  /** what the inbound family reads for a route / ingress host */
  external?: InboundFacts;
}

export async function facts(s: DnsSubjects, ctx: Ctx): Promise<DnsFacts> {
  if (s.external) return { external: await inbound.facts(s.external, ctx) };
  const { inv, trace } = ctx;
  const [services, pods, slices, legacy] = await Promise.all([
    trace.try('services', () => inv.list('Service')),
    trace.try('pods', () => inv.list('Pod')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
  ]);
  return { services, pods, slices, legacy };
}
