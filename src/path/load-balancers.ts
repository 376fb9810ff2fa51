// "Which load balancers are there and what does each do?"
import type { Inventory } from '../inventory/inventory';
import { describeMembers, frontendPurpose, lbWorld, poolMembers, publicIpById } from './lb';
import { result, type Fact, type PathResult, type Section } from './result';
import { Trace } from './trace';

/**
 * All load balancers, or one: `pick` narrows to a name that is a load balancer; `explicit`
 * (a name the user gave as a load balancer's) must be one, else the answer is not-found.
 */
export async function loadBalancers(
  inv: Inventory,
  o: { pick?: string[]; explicit?: string } = {},
  trace = new Trace(),
): Promise<PathResult> {
  const [world, nodes, services] = await Promise.all([
    lbWorld(inv, trace, { allPips: true, nics: true }),
    trace.try('nodes', () => inv.list('Node')),
    trace.try('services', () => inv.list('Service')),
  ]);
  const groups = world.groups;
  const known = new Set(world.lbs.map((l) => l.name.toLowerCase()));
  const only = (o.pick ?? []).find((n) => known.has(n.toLowerCase())) ?? o.explicit;
  const lbs = only ? world.lbs.filter((l) => l.name.toLowerCase() === only.toLowerCase()) : world.lbs;
  const rgNames = groups.map((g) => g.split('/').pop()).join(', ');
  if (only && lbs.length === 0) {
    const names = world.lbs.map((l) => l.name);
    return result(
      'load-balancers',
      'not-found',
      `There is no load balancer "${only}" in ${rgNames || 'the node resource group'}${names.length ? `; there are ${names.join(', ')}` : ''}.`,
      { suggestions: names, errors: trace.errors },
    );
  }
  const facts: Fact[] = [];
  const lines: string[] = [];
  const sections: Section[] = [];
  for (const lb of lbs.sort((a, b) => a.name.localeCompare(b.name))) {
    const members = [...new Set(lb.pools.flatMap((p) => poolMembers(p, nodes ?? [], world.nics)))];
    const membersText = describeMembers(members, nodes ?? []);
    const fronts = await Promise.all(
      lb.frontends.map(async (fe) => {
        const pip = fe.publicIpId ? await publicIpById(inv, world, fe.publicIpId, trace) : undefined;
        const addr = fe.privateIp
          ? `private ${fe.privateIp}`
          : `public ${pip?.ip ?? '?'} (${pip?.name ?? fe.publicIpId?.split('/').pop()})`;
        return `${fe.name}: ${addr} — ${frontendPurpose(lb, fe, services ?? [], membersText)}`;
      }),
    );
    const kind = lb.frontends.some((f) => f.publicIpId) ? 'public' : 'internal';
    lines.push(`• ${lb.name} (${kind}, backends: ${membersText})`);
    facts.push({
      label: lb.name,
      value: `${kind}; backends: ${members.join(', ') || 'none'}; rules: ${lb.rules.map((r) => `${r.name} (${r.protocol} ${r.frontendPort}→${r.backendPort}${r.floatingIp ? ', floating IP' : ''})`).join(', ') || 'none'}`,
    });
    lines.push(...fronts.map((f) => `    ${f}`));
    sections.push({
      title: `${lb.name} (${kind})`,
      subtitle: `backends: ${membersText}`,
      lines: fronts,
    });
  }
  const rg = lbs[0]?.resourceGroup ?? rgNames;
  return result(
    'load-balancers',
    'answered',
    `${lbs.length} load balancer${lbs.length === 1 ? '' : 's'} in ${rgNames}:\n${lines.join('\n')}`,
    {
      title: only ? `Load balancer ${only}` : `${lbs.length} load balancers in ${rgNames}`,
      facts,
      sections,
      errors: trace.errors,
      followUps:
        lbs.length === 1
          ? []
          : lbs.slice(0, 4).map((l) => ({
              title: l.name,
              question: `what does load balancer ${l.name} do`,
              intent: 'load-balancers',
            })),
      verify: [
        `az network lb list -g ${rg} -o table`,
        ...lbs.map(
          (l) =>
            `az network lb frontend-ip list --lb-name ${l.name} -g ${l.resourceGroup} --query '[].[name,privateIpAddress,publicIpAddress.id]' -o tsv`,
        ),
        ...lbs
          .slice(0, 1)
          .map(
            (l) =>
              `az network lb address-pool list --lb-name ${l.name} -g ${l.resourceGroup} --query '[].backendIpConfigurations[].id' -o tsv | cut -d/ -f 9`,
          ),
      ],
    },
  );
}
