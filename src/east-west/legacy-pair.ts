// Transitional: the pair handler of east-west and policy questions.
import { isReply, type Ctx, type IntentSpec } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { findPod, type FoundPod } from '../nlu/subjects';
import { resolveServiceName } from '../path/dns';
import { eastWestPath } from '../path/east-west';
import { egressPath } from '../path/egress';
import { result, type PathResult } from '../path/result';

const withNote = (r: PathResult, note?: string) => {
  if (note) r.warnings.unshift(note);
  return r;
};

/** Words for "the database" when no workload is named so: pods running a database image. */
const DATABASE_WORDS: Record<string, RegExp> = {
  database: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  db: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  sql: /(mssql|sqlserver|mysql|postgres|mariadb)/,
  sqlserver: /(mssql|sqlserver)/,
};

export async function pairHandler(
  intent: Intent,
  ctx: Ctx,
  spec: IntentSpec<'east-west' | 'policy'>,
): Promise<PathResult> {
  const { inv } = ctx;
  const kind = spec.kind;
  const example = spec.examples[0];
  if (intent.names.length + intent.ips.length < 2) {
    return result(
      kind,
      'not-understood',
      `Between which two? Name the client pod and the Service, pod, FQDN or IP it talks to, for example: "${example}".`,
    );
  }
  const pods = await ctx.trace.list('pods', () => inv.list('Pod'));
  const order = [...new Set([...(intent.from ? [intent.from] : []), ...intent.names])];
  let client: FoundPod | PathResult | undefined;
  let clientName = '';
  for (const name of order) {
    const r = await findPod(intent, ctx, spec, [name]);
    if (!isReply(r)) {
      client = r;
      clientName = name;
      break;
    }
    if (r.status === 'ambiguous' || name === intent.from) {
      client = r;
      break;
    }
    client ??= r;
  }
  if (!client || isReply(client))
    return client ?? result(kind, 'not-understood', `From which pod? For example: "${example}".`);
  const from = client.pod;
  const clientNs = from.metadata.namespace ?? 'default';
  const notes = [client.note];
  const services = await ctx.trace.list('services', () => inv.list('Service'));
  const go = (to: { name?: string; pod?: Pod; ip?: string }) =>
    eastWestPath(inv, { from, to, port: intent.port, intent: kind }, ctx.trace).then((r) =>
      withNote(r, notes.filter(Boolean).join('; ') || undefined),
    );
  const others = intent.names.filter((n) => n !== clientName);
  for (const name of others) {
    const dns = resolveServiceName(name, clientNs, services);
    if (!('error' in dns)) return go({ name });
    if (name.includes('.') && /svc|cluster\.local/.test(name)) {
      return result(kind, 'not-found', `${from.metadata.name} cannot resolve ${name}: ${dns.error}.`, {
        suggestions: dns.suggestion ? [dns.suggestion] : [],
      });
    }
    if (dns.suggestion) {
      // the Service exists in another namespace: answer for it, and say the short name would not resolve
      notes.push(
        `"${name}" resolves only inside its own namespace; from ${clientNs} the name to use is ${dns.suggestion}`,
      );
      return go({ name: dns.suggestion });
    }
  }
  if (intent.ips[0]) return go({ ip: intent.ips[0] });
  const target = await findPod(intent, ctx, spec, others, from);
  if (!isReply(target)) {
    notes.push(target.note);
    return go({ pod: target.pod });
  }
  const dbWord = others.find((n) => DATABASE_WORDS[n]);
  const db = dbWord
    ? pods.filter(
        (p) =>
          p.metadata.uid !== from.metadata.uid &&
          p.status?.phase === 'Running' &&
          (p.spec?.containers ?? []).some((c) => DATABASE_WORDS[dbWord].test(c.image ?? '')),
      )
    : [];
  if (db.length === 1) {
    notes.push(
      `"the database" taken as ${db[0].metadata.namespace}/${db[0].metadata.name} (its image ${db[0].spec?.containers?.[0]?.image})`,
    );
    return go({ pod: db[0] });
  }
  // "what IP does the payment provider see from the api pod?": nothing in the cluster is the seer, so it is the Internet
  if (/\bsees?\b/.test(intent.text) && target.status === 'not-found') {
    const r = await egressPath(
      inv,
      {
        pod: from,
        destination: intent.destination,
      },
      ctx.trace,
    );
    return withNote(
      r,
      `nothing in the cluster is called ${others.map((o) => `"${o}"`).join(' or ')}: answering what the Internet sees from ${from.metadata.name}`,
    );
  }
  return target;
}
