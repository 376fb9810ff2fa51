// Contract tests of the fake ARM server (test/helpers/fake-arm.ts) against
// the real @azure/arm-network client: if the fake's wire format drifts from
// what the SDK reads (REST spelling, `properties`, paging, error bodies,
// retry headers), these fail.
import { readdirSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { dirname, join } from 'node:path';
import { NetworkManagementClient, RestError } from '@azure/arm-network';
import { FakeArm, testCredential } from '../helpers/fake-arm';
import { DEMO, SUB, readJson } from '../helpers/fixtures';
import { REST_ACRONYM_NAMES, REST_SPELLING_EXCEPTIONS, toRestShape } from '../helpers/rest-shape';

const RG = 'aro2-resources';
const LB_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/loadBalancers/aro2-p8bjm`;

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

/** A raw GET to the fake (for routes the Network SDK has no call for). */
function rawGet(
  fake: FakeArm,
  path: string,
  headers: Record<string, string> = { authorization: 'Bearer x' },
): Promise<{ status: number; body: any; headers: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = https.get(`${fake.url}${path}`, { ca: fake.ca, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : undefined,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
  });
}

/** Compare shapes: lower-case keys, `properties` merged into its owner, az's
 *  resourceGroup and undefined values dropped. The SDK returns flattened
 *  objects, so a field the SDK did not read (wrong spelling or place on the
 *  wire) shows up as a difference. */
function normalize(v: any): any {
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, any> = {};
  const put = (o: Record<string, any>) => {
    for (const [k, x] of Object.entries(o)) {
      if (x === undefined || k === 'resourceGroup') continue;
      if (k === 'properties' && typeof x === 'object' && x !== null && !Array.isArray(x) && typeof o.id === 'string')
        put(x);
      else out[k.toLowerCase()] = k === 'tags' ? x : normalize(x);
    }
  };
  put(v);
  return out;
}

describe('toRestShape', () => {
  const lbs = readJson(join(DEMO, 'azure/load-balancers.json'));

  it('moves fields under properties, with REST spelling, recursively, and drops resourceGroup', () => {
    const lb = toRestShape(lbs[0]);
    expect(Object.keys(lb).sort()).toEqual(['etag', 'id', 'location', 'name', 'properties', 'sku', 'type']);
    const fe = lb.properties.frontendIPConfigurations[0];
    expect(Object.keys(fe).sort()).toEqual(['etag', 'id', 'name', 'properties', 'type']);
    expect(fe.properties.privateIPAllocationMethod).toBe('Dynamic');
    expect(fe.properties.publicIPAddress).toEqual({
      id: expect.stringContaining('/publicIPAddresses/aro2-p8bjm-outbound-pip-v4'),
    });
    const rule = lb.properties.loadBalancingRules[0];
    expect(rule.properties.enableFloatingIP).toBe(true);
    expect(rule.properties.frontendIPConfiguration.id).toMatch(/\/frontendIPConfigurations\//);
    expect(lb.properties.backendAddressPools[0].properties.backendIPConfigurations.length).toBeGreaterThan(0);
    expect(lb.properties.outboundRules[0].properties.allocatedOutboundPorts).toBe(1024);
    const text = JSON.stringify(lb);
    expect(text).not.toMatch(/"resourceGroup"/);
    expect(text).not.toMatch(
      /"(frontendIpConfigurations?|publicIpAddress|privateIpAllocationMethod|enableFloatingIp|backendIpConfigurations)"/,
    );
  });

  it('keeps names whose REST spelling has a lower "Ip", and the names that need no change', () => {
    const nat = toRestShape({
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/natGateways/nat`,
      name: 'nat',
      type: 'Microsoft.Network/natGateways',
      location: 'northeurope',
      sku: { name: 'Standard' },
      publicIpAddresses: [
        {
          id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/publicIPAddresses/p',
          resourceGroup: 'r',
        },
      ],
      publicIpPrefixes: [],
      idleTimeoutInMinutes: 4,
      resourceGroup: RG,
    });
    expect(nat.properties).toEqual({
      publicIpAddresses: [
        {
          id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/publicIPAddresses/p',
        },
      ],
      publicIpPrefixes: [],
      idleTimeoutInMinutes: 4,
    });
    const nic = toRestShape({
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkInterfaces/n`,
      name: 'n',
      type: 'Microsoft.Network/networkInterfaces',
      enableIpForwarding: true,
      networkSecurityGroup: {
        id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkSecurityGroups/g`,
        resourceGroup: RG,
      },
      ipConfigurations: [
        {
          id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkInterfaces/n/ipConfigurations/c`,
          name: 'c',
          privateIpAddress: '10.0.0.4',
          privateIpAddressVersion: 'IPv4',
          privateIpAllocationMethod: 'Dynamic',
          loadBalancerBackendAddressPools: [{ id: `${LB_ID}/backendAddressPools/p`, resourceGroup: RG }],
        },
      ],
    });
    expect(nic.properties.enableIPForwarding).toBe(true);
    expect(nic.properties.networkSecurityGroup).toEqual({
      id: expect.stringMatching(/networkSecurityGroups\/g$/),
    });
    expect(nic.properties.ipConfigurations[0]).toEqual({
      id: expect.any(String),
      name: 'c',
      properties: {
        privateIPAddress: '10.0.0.4',
        privateIPAddressVersion: 'IPv4',
        privateIPAllocationMethod: 'Dynamic',
        loadBalancerBackendAddressPools: [{ id: `${LB_ID}/backendAddressPools/p` }],
      },
    });
    const rt = toRestShape({
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/routeTables/rt`,
      name: 'rt',
      type: 'Microsoft.Network/routeTables',
      location: 'x',
      tags: { 'a.b_IpAddress': 'v' },
      routes: [
        {
          id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/routeTables/rt/routes/r`,
          name: 'r',
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.0.9',
        },
      ],
    });
    expect(rt.tags).toEqual({ 'a.b_IpAddress': 'v' });
    expect(rt.properties.routes[0].properties).toEqual({
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.0.0.9',
    });
  });

  it('passes REST-shaped resources through unchanged', () => {
    const nic = readJson(join(DEMO, 'azure/network-interfaces.json')).value[0];
    expect(toRestShape(nic)).toBe(nic);
  });

  it('wraps the NIC references of a VM like ARM does', () => {
    const vm = toRestShape(readJson(join(DEMO, 'azure/virtual-machines.json'))[0]);
    expect(vm.zones).toEqual(['1']);
    expect(vm.properties.hardwareProfile).toEqual({
      vmSize: 'Standard_D8s_v3',
    });
    expect(vm.properties.networkProfile.networkInterfaces[0]).toEqual({
      id: expect.stringMatching(/networkInterfaces\/aro2-p8bjm-master0-nic$/),
      properties: { primary: true },
    });
  });

  it('spells names as the installed @azure/arm-network reads them', () => {
    // v39 has no mappers.js: read the wire names out of its deserializers.
    const modelsDir = join(dirname(require.resolve('@azure/arm-network')), 'models');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d, { withFileTypes: true })) {
        if (f.isDirectory()) walk(join(d, f.name));
        else if (f.name.endsWith('.js')) files.push(join(d, f.name));
      }
    };
    walk(modelsDir);
    const wire = new Set<string>();
    for (const f of files)
      for (const m of readFileSync(f, 'utf8').matchAll(/item\["([A-Za-z0-9_$@.-]+)"\]/g)) wire.add(m[1]!);
    expect(wire.size).toBeGreaterThan(1000);
    const withAcronym = [...wire].filter((n) => /[A-Z]{2}/.test(n)).sort();
    expect([...REST_ACRONYM_NAMES].sort()).toEqual(withAcronym);
    for (const n of Object.values(REST_SPELLING_EXCEPTIONS).flat()) expect(wire).toContain(n);
  });
});

describe('FakeArm with the real NetworkManagementClient', () => {
  let fake: FakeArm;
  const client = (opts: Record<string, unknown> = {}) =>
    new NetworkManagementClient(testCredential(), SUB, {
      endpoint: fake.url,
      tlsOptions: { ca: fake.ca },
      ...opts,
    });

  beforeAll(async () => {
    fake = await FakeArm.fromSnapshotDir(DEMO).start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.faults = [];
    fake.requests = [];
    fake.pageSize = 50;
    fake.latencyMs = 0;
  });

  it('serves HTTPS that the SDK trusts through tlsOptions.ca, and only through it', async () => {
    const pip = await client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4');
    expect(pip.ipAddress).toBe('20.105.84.12');
    const noCa = new NetworkManagementClient(testCredential(), SUB, {
      endpoint: fake.url,
    });
    const err = await rejection(noCa.publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4'));
    expect(err.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('wants a bearer token', async () => {
    const res = await rawGet(fake, `${LB_ID}?api-version=2026-01-01`, {});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AuthenticationFailed');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect((await rawGet(fake, `${LB_ID}?api-version=2026-01-01`)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([401, 200]);
  });

  it('lists the load balancers of a resource group, in REST shape the SDK reads', async () => {
    const lbs = await all(client().loadBalancers.list(RG));
    expect(lbs.map((lb) => lb.name)).toEqual([
      'aro2-p8bjm',
      'aro2-p8bjm-internal',
      'aro2-p8bjm-internal-lb',
      'aro2-p8bjm-public-lb',
    ]);
    const pub = lbs.filter((lb) => ['aro2-p8bjm', 'aro2-p8bjm-public-lb'].includes(lb.name!));
    const feIds = pub.flatMap((lb) => lb.frontendIPConfigurations!.map((fe) => fe.publicIPAddress?.id));
    expect(feIds).toHaveLength(3);
    for (const id of feIds) expect(id).toMatch(/\/providers\/Microsoft\.Network\/publicIPAddresses\/aro2-p8bjm-/);
    const internal = lbs.find((lb) => lb.name === 'aro2-p8bjm-internal-lb')!;
    expect(internal.frontendIPConfigurations![0]!.privateIPAddress).toBe('10.0.0.4');
    const aro = lbs.find((lb) => lb.name === 'aro2-p8bjm')!;
    expect(aro.outboundRules![0]!.allocatedOutboundPorts).toBe(1024);
    expect(aro.loadBalancingRules![0]!.enableFloatingIP).toBe(true);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.query).toMatch(/api-version=/);
  });

  it('pages lists with nextLink, and the SDK follows it', async () => {
    fake.pageSize = 2;
    const pages: string[][] = [];
    for await (const page of client().loadBalancers.list(RG).byPage()) pages.push(page.map((lb) => lb.name!));
    expect(pages).toEqual([
      ['aro2-p8bjm', 'aro2-p8bjm-internal'],
      ['aro2-p8bjm-internal-lb', 'aro2-p8bjm-public-lb'],
    ]);
    expect(fake.requests.map((r) => r.query)).toEqual([
      'api-version=2026-01-01',
      'api-version=2026-01-01&$skiptoken=2',
    ]);
    fake.requests = [];
    expect(await all(client().networkInterfaces.list(RG))).toHaveLength(6);
    expect(fake.requests).toHaveLength(3);
  });

  it('gets a public IP address', async () => {
    const pip = await client().publicIPAddresses.get(RG, 'aro2-p8bjm-outbound-pip-v4');
    expect(pip).toMatchObject({
      name: 'aro2-p8bjm-outbound-pip-v4',
      ipAddress: '20.105.84.161',
      zones: ['1', '2', '3'],
      publicIPAllocationMethod: 'Static',
      publicIPAddressVersion: 'IPv4',
      sku: { name: 'Standard' },
    });
    expect(pip.ipConfiguration?.id).toBe(`${LB_ID}/frontendIPConfigurations/outbound`);
  });

  it('lists network interfaces (REST-shaped snapshot file)', async () => {
    const nics = await all(client().networkInterfaces.list(RG));
    expect(nics.map((n) => n.ipConfigurations![0]!.privateIPAddress)).toEqual([
      '10.0.0.6',
      '10.0.0.7',
      '10.0.0.8',
      '10.0.2.4',
      '10.0.2.5',
      '10.0.2.6',
    ]);
    expect(nics[0]!.ipConfigurations![0]!.loadBalancerBackendAddressPools).toHaveLength(2);
    expect(await all(client().networkInterfaces.listAll())).toHaveLength(6);
  });

  it('gets and lists subnets, served apart from their VNet', async () => {
    const subnet = await client().subnets.get('aro2', 'aro2-vnet', 'worker-subnet');
    expect(subnet).toMatchObject({
      name: 'worker-subnet',
      addressPrefix: '10.0.2.0/23',
      privateLinkServiceNetworkPolicies: 'Enabled',
    });
    expect(subnet.ipConfigurations).toHaveLength(3);
    expect((await all(client().subnets.list('aro2', 'aro2-vnet'))).map((s) => s.name)).toEqual([
      'master-subnet',
      'worker-subnet',
    ]);
    const vnet = await client().virtualNetworks.get('aro2', 'aro2-vnet');
    expect(vnet.subnets!.map((s) => s.addressPrefix)).toEqual(['10.0.0.0/23', '10.0.2.0/23']);
  });

  it('serves child resources embedded in their parent by ID', async () => {
    const fe = await client().loadBalancerFrontendIPConfigurations.get(RG, 'aro2-p8bjm', 'outbound');
    expect(fe.publicIPAddress?.id).toMatch(/aro2-p8bjm-outbound-pip-v4$/);
    const rules = await all(client().loadBalancerOutboundRules.list(RG, 'aro2-p8bjm'));
    expect(rules.map((r) => r.allocatedOutboundPorts)).toEqual([1024]);
  });

  it('round-trips every Network resource of the demo through the SDK deserializer', async () => {
    const c = client();
    const az = [
      ...readJson(join(DEMO, 'azure/load-balancers.json')),
      ...readJson(join(DEMO, 'azure/public-ips.json')),
      readJson(join(DEMO, 'azure/vnet.json')),
      ...readJson(join(DEMO, 'azure/network-interfaces.json')).value,
    ];
    expect(az).toHaveLength(14);
    for (const source of az) {
      const rg = source.id.split('/')[4];
      const get: Record<string, () => Promise<unknown>> = {
        'Microsoft.Network/loadBalancers': () => c.loadBalancers.get(rg, source.name),
        'Microsoft.Network/publicIPAddresses': () => c.publicIPAddresses.get(rg, source.name),
        'Microsoft.Network/virtualNetworks': () => c.virtualNetworks.get(rg, source.name),
        'Microsoft.Network/networkInterfaces': () => c.networkInterfaces.get(rg, source.name),
      };
      const fromSdk = await get[source.type]!();
      expect({ id: source.id, shape: normalize(fromSdk) }).toEqual({
        id: source.id,
        shape: normalize(source),
      });
    }
  });

  it('serves VMSS network interfaces under Microsoft.Compute paths, and VMs', async () => {
    const vmss = `/subscriptions/${SUB}/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-np-vmss`;
    const nic = (i: number) => ({
      id: `${vmss}/virtualMachines/${i}/networkInterfaces/aks-np-vmss`,
      name: 'aks-np-vmss',
      location: 'northeurope',
      properties: {
        ipConfigurations: [
          {
            id: `${vmss}/virtualMachines/${i}/networkInterfaces/aks-np-vmss/ipConfigurations/ipconfig1`,
            name: 'ipconfig1',
            properties: { privateIPAddress: `10.224.0.${4 + i}` },
          },
        ],
      },
    });
    const plain = {
      id: `/subscriptions/${SUB}/resourceGroups/mc_rg/providers/Microsoft.Network/networkInterfaces/other`,
      name: 'other',
      type: 'Microsoft.Network/networkInterfaces',
    };
    const own = await new FakeArm([nic(0), nic(1), plain]).start();
    try {
      const c = new NetworkManagementClient(testCredential(), SUB, {
        endpoint: own.url,
        tlsOptions: { ca: own.ca },
      });
      const ips = (nics: { ipConfigurations?: { privateIPAddress?: string }[] }[]) =>
        nics.map((n) => n.ipConfigurations![0]!.privateIPAddress);
      expect(
        ips(await all(c.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces('mc_rg', 'aks-np-vmss'))),
      ).toEqual(['10.224.0.4', '10.224.0.5']);
      expect(
        ips(await all(c.networkInterfaces.listVirtualMachineScaleSetVMNetworkInterfaces('mc_rg', 'aks-np-vmss', '1'))),
      ).toEqual(['10.224.0.5']);
      expect(
        ips([
          await c.networkInterfaces.getVirtualMachineScaleSetNetworkInterface(
            'mc_rg',
            'aks-np-vmss',
            '0',
            'aks-np-vmss',
          ),
        ]),
      ).toEqual(['10.224.0.4']);
      // Like ARM: the resource-group NIC list does not include VMSS NICs.
      expect((await all(c.networkInterfaces.list('mc_rg'))).map((n) => n.name)).toEqual(['other']);
      const missing = await rejection(
        all(c.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces('mc_rg', 'nope')),
      );
      expect(missing.statusCode).toBe(404);
    } finally {
      await own.stop();
    }
    const vms = await rawGet(
      fake,
      `/subscriptions/${SUB}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01`,
    );
    expect(vms.status).toBe(200);
    expect(vms.body.value).toHaveLength(6);
    expect(vms.body.value[0].properties.networkProfile.networkInterfaces[0].properties.primary).toBe(true);
    const vm = await rawGet(
      fake,
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/aro2-p8bjm-master-0?api-version=2024-07-01`,
    );
    expect(vm.body.properties.hardwareProfile.vmSize).toBe('Standard_D8s_v3');
  });

  it('matches paths case-insensitively and wants an api-version, like ARM', async () => {
    expect((await rawGet(fake, `${LB_ID.toLowerCase()}?api-version=x`)).body.name).toBe('aro2-p8bjm');
    const noVersion = await rawGet(fake, LB_ID);
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.code).toBe('MissingApiVersionParameter');
  });

  it('403: the SDK throws a RestError naming the action and scope (get); list keeps only the code', async () => {
    fake.faults.push({ status: 403, match: /\/loadBalancers/ });
    const err = await rejection(client().loadBalancers.get(RG, 'aro2-p8bjm'));
    expect(err).toBeInstanceOf(RestError);
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('AuthorizationFailed');
    expect(err.message).toContain("action 'Microsoft.Network/loadBalancers/read'");
    expect(err.message).toContain(`over scope '${LB_ID}'`);

    // A list's first page error goes through the SDK's paging helper, which
    // replaces the message; the body is still there through onResponse.
    let body: any;
    const listErr = await rejection(
      all(
        client().loadBalancers.list(RG, {
          onResponse: (r) => {
            body = r.parsedBody;
          },
        }),
      ),
    );
    expect(listErr).toBeInstanceOf(RestError);
    expect(listErr.statusCode).toBe(403);
    expect(listErr.code).toBe('AuthorizationFailed');
    expect(listErr.message).toBe('Pagination failed with unexpected statusCode 403');
    expect(body.error.message).toContain(
      `over scope '/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network'`,
    );
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403]);
  });

  it('429 with Retry-After once: the SDK waits and retries by itself', async () => {
    fake.faults.push({
      status: 429,
      match: /publicIPAddresses/i,
      times: 1,
      retryAfterSeconds: 1,
    });
    const pip = await client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4');
    expect(pip.ipAddress).toBe('20.105.84.12');
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('429 without Retry-After is not retried', async () => {
    fake.faults.push({
      status: 429,
      match: /publicIPAddresses/,
      times: 1,
      retryAfterSeconds: -1,
    });
    const err = await rejection(client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4'));
    expect(err.statusCode).toBe(429);
    expect(err.code).toBe('TooManyRequests');
    expect(fake.requests).toHaveLength(1);
  });

  it('404: RestError with the ARM codes', async () => {
    const err = await rejection(client().loadBalancers.get(RG, 'nope'));
    expect(err).toBeInstanceOf(RestError);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ResourceNotFound');
    expect(err.message).toMatch(
      /^The Resource 'Microsoft\.Network\/loadBalancers\/nope' under resource group 'aro2-resources' was not found\./,
    );
    expect((await rejection(client().subnets.get('aro2', 'aro2-vnet', 'nope'))).code).toBe('NotFound');
    expect((await rejection(client().subnets.get('no-such-rg', 'aro2-vnet', 'x'))).code).toBe('ResourceGroupNotFound');
    fake.faults.push({ status: 404, match: /aro2-p8bjm-pip-v4$/ });
    const injected = await rejection(client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4'));
    expect([injected.statusCode, injected.code]).toEqual([404, 'ResourceNotFound']);
  });

  it('500/503: the SDK retries 3 times by default; retryOptions.maxRetries bounds it', async () => {
    for (const status of [500, 503] as const) {
      fake.requests = [];
      fake.faults = [{ status, match: /publicIPAddresses/ }];
      // Default count (3 retries), with tiny delays so the test stays fast.
      const fast = client({
        retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 2 },
      });
      expect((await rejection(fast.publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4'))).statusCode).toBe(status);
      expect(fake.requests).toHaveLength(4);
      fake.requests = [];
      const none = client({ retryOptions: { maxRetries: 0 } });
      const err = await rejection(none.publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4'));
      expect(err.code).toBe(status === 500 ? 'InternalServerError' : 'ServiceUnavailable');
      expect(fake.requests).toHaveLength(1);
    }
    // A fault that wears off: retried through.
    fake.requests = [];
    fake.faults = [{ status: 503, match: /publicIPAddresses/, times: 2 }];
    const fast = client({
      retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 2 },
    });
    expect((await fast.publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4')).name).toBe('aro2-p8bjm-pip-v4');
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('a hanging call is bounded by abortSignal (AbortSignal.timeout) or requestOptions.timeout, not retried', async () => {
    fake.faults.push({ status: 'hang', match: /publicIPAddresses/ });
    const aborted = await rejection(
      client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4', {
        abortSignal: AbortSignal.timeout(200),
      }),
    );
    expect(aborted.name).toBe('AbortError');
    const timedOut = await rejection(
      client().publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4', {
        requestOptions: { timeout: 200 },
      }),
    );
    expect(timedOut.name).toBe('AbortError');
    expect(fake.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it('stop() ends hanging requests', async () => {
    const own = await new FakeArm([]).start();
    own.faults.push({ status: 'hang', match: /./ });
    const pending = rawGet(own, '/subscriptions/x/resourceGroups/y?api-version=1');
    while (own.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await own.stop();
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('measures concurrency (inFlightMax) with injected latency', async () => {
    fake.latencyMs = 200;
    fake.inFlightMax = 0;
    const c = client();
    await Promise.all(
      ['aro2-p8bjm-pip-v4', 'aro2-p8bjm-outbound-pip-v4', 'aro2-p8bjm-ab765e9911ee74b8d81280e60cfcea16'].map((n) =>
        c.publicIPAddresses.get(RG, n),
      ),
    );
    expect(fake.inFlightMax).toBe(3);
    fake.inFlightMax = 0;
    await c.publicIPAddresses.get(RG, 'aro2-p8bjm-pip-v4');
    await c.publicIPAddresses.get(RG, 'aro2-p8bjm-outbound-pip-v4');
    expect(fake.inFlightMax).toBe(1);
    expect(fake.requests).toHaveLength(5);
  });
});
