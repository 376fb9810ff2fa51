// "What is 10.129.2.7?" — pods, Services, nodes, NICs, LB frontends and
// public IPs, then the address ranges it falls in.
import { nameOf, sameId } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import { cidrContains } from './ip';
import { describeMembers, frontendPurpose, lbIngressIps, lbWorld, poolMembers, publicIpById } from './lb';
import { nodeIp, nodeRole, podIp } from './kube';
import { result, type FollowUp, type PathResult } from './result';
import { Trace } from './trace';

export async function whatIs(inv: Inventory, ip: string, trace = new Trace()): Promise<PathResult> {
  const [pods, services, nodes, cluster] = await Promise.all([
    trace.try('pods', () => inv.list('Pod')),
    trace.try('services', () => inv.list('Service')),
    trace.try('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const found: string[] = [];
  const verify: string[] = [];
  const followUps: FollowUp[] = [];
  const done = (answer: string, title: string, status: 'answered' | 'not-found' = 'answered') =>
    result('what-is', status, answer, {
      title,
      verify,
      followUps,
      errors: trace.errors,
    });

  for (const p of (pods ?? []).filter((p) => podIp(p) === ip && !p.spec?.hostNetwork)) {
    found.push(
      `the IP of pod ${p.metadata.namespace}/${p.metadata.name} (${p.status?.phase ?? '?'}) on node ${p.spec?.nodeName ?? '?'}`,
    );
    verify.push(`kubectl get pods -A -o wide --field-selector status.podIP=${ip}`);
    followUps.push({
      title: 'Its public egress IP',
      question: `what's the public ip of pod ${p.metadata.name} -n ${p.metadata.namespace}`,
    });
  }
  for (const s of services ?? []) {
    const name = `${s.metadata.namespace}/${s.metadata.name}`;
    const ports = (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
    if (s.spec?.clusterIP === ip || (s.spec?.clusterIPs ?? []).includes(ip)) {
      found.push(
        `the ClusterIP of Service ${name} (${ports}): a virtual IP, DNATed at the client's node to the Service's endpoints`,
      );
      verify.push(`kubectl get svc -A -o wide | grep -w ${ip}`);
    }
    if (lbIngressIps(s).includes(ip)) {
      found.push(`the external IP of LoadBalancer Service ${name} (${ports})`);
      followUps.push({
        title: 'Inbound path',
        question: `how does traffic reach service ${s.metadata.name} -n ${s.metadata.namespace}`,
      });
    }
  }
  for (const n of (nodes ?? []).filter((n) => nodeIp(n) === ip)) {
    const hostPods = (pods ?? []).filter((p) => p.spec?.hostNetwork && p.spec?.nodeName === n.metadata.name).length;
    found.push(
      `the IP of node ${n.metadata.name} (${nodeRole(n)})${hostPods ? `, also used by ${hostPods} host-network pod(s)` : ''}`,
    );
    verify.push(`kubectl get nodes -o wide | grep -w ${ip}`);
  }

  const world = await lbWorld(inv, trace, { allPips: true, nics: true });
  for (const lb of world.lbs) {
    for (const fe of lb.frontends) {
      const pip = fe.publicIpId ? await publicIpById(inv, world, fe.publicIpId, trace) : undefined;
      if (fe.privateIp !== ip && pip?.ip !== ip) continue;
      const members = describeMembers(
        [...new Set(lb.pools.flatMap((p) => poolMembers(p, nodes ?? [], world.nics)))],
        nodes ?? [],
      );
      found.push(
        `${pip ? `public IP ${pip.name}` : 'a private frontend IP'}: frontend ${fe.name} of load balancer ${lb.name}: ${frontendPurpose(lb, fe, services ?? [], members)}`,
      );
      verify.push(
        `az network lb frontend-ip list --lb-name ${lb.name} -g ${lb.resourceGroup} --query '[].[name,privateIpAddress,publicIpAddress.id]' -o tsv`,
      );
      if (!followUps.some((f) => f.title === 'Load balancers'))
        followUps.push({
          title: 'Load balancers',
          question: `what does load balancer ${lb.name} do`,
        });
    }
  }
  for (const pip of [...world.pips.values()].filter((p) => p.ip === ip)) {
    if (world.lbs.some((lb) => lb.frontends.some((f) => sameId(f.publicIpId, pip.id)))) continue;
    found.push(
      `public IP ${pip.name}${pip.attachedToId ? `, attached to ${nameOf(pip.attachedToId.replace(/\/ipConfigurations\/[^/]+$/i, ''))}` : ', not attached to anything'}`,
    );
    verify.push(`az network public-ip list -g ${pip.resourceGroup} -o table`);
  }
  for (const nic of world.nics) {
    for (const c of nic.ipConfigs.filter((c) => c.privateIp === ip)) {
      if ((nodes ?? []).some((n) => nodeIp(n) === ip)) continue;
      found.push(`IP configuration ${c.name} of NIC ${nic.name}${nic.vmId ? ` (VM ${nameOf(nic.vmId)})` : ''}`);
      verify.push(
        `az network nic show -g ${nic.resourceGroup} -n ${nic.name} --query 'ipConfigurations[].privateIpAddress'`,
      );
    }
  }
  if (found.length) {
    return done(`${ip} is ${found.join('; and ')}.`, `${ip}: ${found[0].split(':')[0].split(' (')[0]}`);
  }

  // not assigned: say which range it belongs to
  const ranges: string[] = [];
  for (const n of nodes ?? []) {
    const ann = n.metadata.annotations?.['k8s.ovn.org/node-subnets'];
    let cidrs: string[] = n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : []);
    if (ann) {
      try {
        const d = JSON.parse(ann).default;
        cidrs = [...cidrs, ...(Array.isArray(d) ? d : [d])];
      } catch {
        /* not JSON: ignore */
      }
    }
    for (const c of cidrs)
      if (cidrContains(c, ip))
        ranges.push(
          `in node ${n.metadata.name}'s pod range ${c}, but no pod has it now (a pod that ended, or not yet used)`,
        );
  }
  if (!ranges.length && cluster?.podCidr && cidrContains(cluster.podCidr, ip))
    ranges.push(`in the cluster's pod network ${cluster.podCidr}, but no pod has it now`);
  if (cluster?.serviceCidr && cidrContains(cluster.serviceCidr, ip))
    ranges.push(`in the service network ${cluster.serviceCidr}, but no Service has it`);
  if (ranges.length) return done(`${ip} is ${ranges.join('; ')}.`, `${ip}: not assigned`);
  return done(
    `${ip} is not a pod, Service, node, load balancer frontend, NIC or public IP of this cluster${cluster?.name ? ` (${cluster.name})` : ''} or its node resource group.`,
    `${ip}: not part of this cluster`,
    'not-found',
  );
}
