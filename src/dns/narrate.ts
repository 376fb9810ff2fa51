// A DNS decision in words: the name, the address(es) and which record it is.
import { result, type PathResult } from '../path/result';
import type { DnsDecision } from './decide';
import { narratePath } from './narrate-path';

const status = (d: { whether?: boolean; suggestion?: string }) =>
  d.whether && d.suggestion ? 'answered' : 'not-found';

export function narrate(d: DnsDecision): PathResult {
  switch (d.kind) {
    case 'services-unknown':
      return result('dns', 'not-found', `I could not list Services, so I cannot tell what ${d.name} resolves to.`);
    case 'short-name':
      return shortName(d);
    // asked whether a Service's short name works from another namespace, "no" and the name that works answer it
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
    case 'not-resolvable':
      return result(
        'dns',
        status(d),
        `${d.name} does not resolve from ${podsIn(d.askedFrom)}namespace ${d.fromNs}: ${d.error}.`,
        {
          suggestions: d.suggestion ? [d.suggestion] : [],
        },
      );
    case 'external':
      return externalHost(d);
    case 'path':
      return narratePath(d);
    default:
      return resolved(d);
  }
}

/** The pods a name was looked up from, said before their namespace: "pod a in ", "pods a, b in ". */
const podsIn = (pods?: string[]): string =>
  !pods?.length ? '' : `${pods.length > 1 ? 'pods' : 'pod'} ${pods.join(', ')} in `;

function externalHost(d: Extract<DnsDecision, { kind: 'external' }>): PathResult {
  const record = d.wildcard ? `the wildcard record ${d.wildcard}` : d.cname ? 'a CNAME record' : 'its DNS record';
  const what = d.front
    ? `the external IP of Service ${d.front}`
    : d.gateway
      ? `the frontend of ${d.gateway}`
      : 'the front door';
  const to = d.ip ?? d.cname;
  const answer = to
    ? `${d.name} is served by ${d.by}: public DNS resolves it (${record}) to ${to}, ${what}.`
    : `${d.name} is served by ${d.by}, but ${what} has no external IP yet: the name has nowhere to point.`;
  return result('dns', 'answered', answer, {
    title: `${d.name} → ${to ?? 'no address yet'}`,
    hops: [{ kind: 'dns', name: d.name, ip: d.ip, note: `${record} → ${d.cname ? `${d.cname}, ` : ''}${what}` }],
    verify: [`nslookup ${d.name}`],
    followUps: [{ title: 'How traffic reaches it', question: `how does traffic reach ${d.name}`, intent: 'inbound' }],
  });
}

function shortName(d: Extract<DnsDecision, { kind: 'short-name' }>): PathResult {
  const names = d.matches.map((s) => `${s.metadata.name}.${s.metadata.namespace}`);
  const hint = names.length ? `Ask with the namespace: ${names.join(', ')}` : 'No Service has that name.';
  const answer = `"${d.name}" is a short name: it resolves only inside a namespace. ${hint}`;
  return result('dns', names.length ? 'ambiguous' : 'not-found', answer, { suggestions: names });
}

function resolved(d: Extract<DnsDecision, { kind: 'cluster-ip' | 'headless' | 'hostname' }>): PathResult {
  const { service, fqdn, from } = d;
  const headless = d.kind === 'headless' || (d.kind === 'hostname' && d.headless);
  const what = headless
    ? `headless Service ${service.metadata.name}: the ready pod IPs`
    : `the ClusterIP of Service ${service.metadata.namespace}/${service.metadata.name}`;
  const listed = d.addresses.join(', ');
  const none = d.unlisted ? `an unknown address (I could not list ${d.unlisted})` : 'nothing (no ready endpoints)';
  const short = !from && !d.name.includes('.');
  const where = from
    ? ` from ${from.metadata.namespace}/${from.metadata.name}`
    : short
      ? ` from pods in namespace ${d.fromNs}`
      : '';
  const verify = from
    ? `kubectl exec -n ${from.metadata.namespace} ${from.metadata.name} -- getent hosts ${fqdn}`
    : `kubectl get svc ${service.metadata.name} -n ${service.metadata.namespace} -o wide`;
  // a short name goes through the client namespace's search path: from elsewhere it needs <svc>.<ns>
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
  const elsewhere = short ? ` From other namespaces use ${d.name}.${d.fromNs}.` : '';
  const answer =
    `${d.name} resolves${where} to ${listed || none} (${fqdn}; ${what}).${asked(d)}${elsewhere}` + replicasText(d);
  return result('dns', 'answered', answer, {
    title: `${d.name} → ${listed || (d.unlisted ? 'address unknown' : 'no address')}`,
    hops: [{ kind: 'dns', name: fqdn, ip: listed || undefined, note: what }],
    verify: [verify],
  });
}

/** The server the pod asked: its resolv.conf nameserver, the cluster DNS Service. */
function asked(d: Extract<DnsDecision, { kind: 'cluster-ip' | 'headless' | 'hostname' }>): string {
  if (!d.nameserver || !d.from) return '';
  const { service, ip } = d.nameserver;
  const dns = service ? `Service ${service.metadata.namespace}/${service.metadata.name}` : 'the cluster DNS Service IP';
  return (
    ` ${d.from.metadata.name} asks the cluster DNS at ${ip} (${dns}, its resolv.conf nameserver), ` +
    'which answers Service names itself.'
  );
}

// the replicas of one workload share its namespace and pod template (so its dnsPolicy and search list): one answer
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
function replicasText(d: Extract<DnsDecision, { kind: 'cluster-ip' | 'headless' | 'hostname' }>): string {
  if (!d.replicas || d.replicas.pods.length < 2) return '';
  const { workload, pods } = d.replicas;
  return (
    ` All ${pods.length} replicas of ${workload} (${pods.join(', ')}) share that namespace and pod template, ` +
    'so each gets the same answer.'
  );
}
