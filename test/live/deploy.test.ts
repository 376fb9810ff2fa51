// deploy/ manifests through the real kubectl (client-side dry run against the
// fake API server for discovery), and the ClusterRole only reads.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKube } from '../helpers/fake-kube';

const ROOT = join(__dirname, '..', '..');

test('kubectl apply --dry-run=client accepts every manifest', async () => {
  const fake = await new FakeKube({ objects: [] }).start();
  try {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kc-')), 'config');
    writeFileSync(kubeconfig, fake.kubeconfigYaml());
    // async: the fake server answers from this process
    const { stdout: out } = await promisify(execFile)(
      'kubectl',
      [
        '--kubeconfig',
        kubeconfig,
        'apply',
        '--dry-run=client',
        '--validate=false',
        '-f',
        join(ROOT, 'deploy'),
        '-o',
        'name',
      ],
      { encoding: 'utf8', timeout: 60000 },
    );
    expect(out.trim().split('\n').sort()).toEqual([
      'clusterrole.rbac.authorization.k8s.io/packet-path-reader',
      'clusterrolebinding.rbac.authorization.k8s.io/packet-path-reader',
      'deployment.apps/packet-path',
      'namespace/packet-path',
      'networkpolicy.networking.k8s.io/packet-path',
      'poddisruptionbudget.policy/packet-path',
      'service/packet-path',
      'serviceaccount/packet-path',
    ]);
  } finally {
    await fake.stop();
  }
});

test('the ClusterRole grants only get/list/watch and never Secrets', () => {
  const rbac = readFileSync(join(ROOT, 'deploy', 'rbac.yaml'), 'utf8');
  const verbs = [...rbac.matchAll(/verbs: \[([^\]]*)\]/g)].map((m) => m[1].trim());
  expect(verbs.length).toBeGreaterThan(0);
  for (const v of verbs) expect(v).toBe('get, list, watch');
  expect(rbac).not.toMatch(/secrets|configmaps|pods\/exec|\*/);
});
