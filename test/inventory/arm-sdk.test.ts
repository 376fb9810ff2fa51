// The ARM network SDK as the server loads it (plain Node.js, outside jest's module sandbox): only the operation
// groups the rules read are loaded, and a listing still goes through the SDK to the (fake) Resource Manager.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeArm } from '../helpers/fake-arm';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'aks-lb');
const SCOPE = '/subscriptions/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/resourceGroups/MC_rg-aks_aks1_westeurope';

// every module the process resolves, then one listing through dist/src/inventory/azure.js
const script = (url: string) => `
const seen = [];
require('node:module').registerHooks({ resolve: (s, c, next) => { const r = next(s, c); seen.push(r.url); return r; } });
const { ArmInventory } = require(${JSON.stringify(join(ROOT, 'dist/src/inventory/azure.js'))});
const credential = { getToken: async () => ({ token: 'fake-arm-token', expiresOnTimestamp: Date.now() + 3600e3 }) };
const arm = new ArmInventory({ credential, endpoint: ${JSON.stringify(url)}, ca: process.env.CA, maxRetries: 0 });
arm.list('loadBalancer', ${JSON.stringify(SCOPE)}).then((lbs) => {
  const groups = seen.map((u) => /\\/classic\\/(\\w+)\\/index\\.js$/.exec(u)?.[1]).filter(Boolean);
  process.stdout.write(JSON.stringify({ lbs: lbs.map((l) => l.name), groups }));
  process.exit(0);
}, (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

test('the server builds its ARM client from the operation groups it reads, not all of them, and lists', async () => {
  const arm = await FakeArm.fromSnapshotDir(FIXTURE).start();
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script(arm.url)], {
      cwd: ROOT,
      env: { ...process.env, CA: arm.ca },
    });
    const r = JSON.parse(stdout) as { lbs: string[]; groups: string[] };
    expect(r.lbs).toEqual(['kubernetes']);
    expect(r.groups).toContain('loadBalancers');
    expect(r.groups).toContain('networkInterfaces');
    // the whole client would load every group (about 160), e.g. VPN gateways, which nothing here reads
    expect(r.groups).not.toContain('vpnGateways');
    expect(r.groups.length).toBeLessThan(20);
  } finally {
    await arm.stop();
  }
}, 60000);
