// Contract tests for test/helpers/fake-kube.ts: the fake Kubernetes API
// server must satisfy the real clients, so these drive it with the real
// `kubectl` binary and the real @kubernetes/client-node.
//
// Observed behaviour of @kubernetes/client-node 2.0.1 informers (ListWatch in
// dist/cache.js), pinned by the tests below:
//   - A watch stream that the server ends cleanly (final chunk; fault
//     'drop-watches') is NOT an error: the informer emits 'connect' and
//     re-watches by itself from its last resourceVersion, without re-listing.
//     The first reconnect is immediate, then it backs off 1 s, 2 s, 4 s … (max
//     30 s) until a watch delivers an event, which resets the back-off.
//   - A watch ERROR event with a 410 Status (fault 'gone'), or a 410 HTTP
//     status, clears the resourceVersion; when the stream then ends the
//     informer emits 'connect', re-lists and watches from the list's
//     resourceVersion, all by itself, with no 'error'. The re-list only fires
//     'add'/'update'/'delete' for objects that really changed (same
//     resourceVersion = no 'update').
//   - Any other failure (socket destroyed mid-stream, fault 'down' → undici
//     "terminated"; a non-200 answer to the watch or the list, such as 401 or
//     503) emits 'error' and the informer STOPS: nothing restarts it. The
//     caller must call start() again; start() does not re-list when the
//     informer still has a resourceVersion, it re-watches from it (so the
//     events missed meanwhile arrive as watch events, if the server still has
//     them).
//   - informer.stop() aborts the open watch and that abort is ALSO reported
//     through 'error' (an AbortError): an 'error' handler has to ignore
//     errors after its own stop().
//   - The client-side Watch has a 30 s inactivity timeout (no bytes → abort
//     → silent reconnect from the last resourceVersion); the fake sends no
//     bookmarks, so an idle informer re-watches every 30 s.
//   - List items without kind/apiVersion (as the real API sends them) are
//     fine: listPodForAllNamespaces() returns them with kind undefined.
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKube } from '../helpers/fake-kube';

// ESM-only package; jest.config.js has ts-jest transpile it to CommonJS.
const k8s = require('@kubernetes/client-node');

const DEMO = join(__dirname, '..', '..', 'demo');

/** Polls until `pred` is true; fails with `what` after `ms` (a deadline, not a timing assertion). */
async function waitFor(what: string, pred: () => boolean, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const newPod = (name: string, ns = 'project1') => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name, namespace: ns, labels: { app: 'contract' } },
  spec: {
    nodeName: 'aro2-p8bjm-worker-northeurope2-h9rzp',
    containers: [{ name: 'c', image: 'busybox' }],
  },
  status: {
    phase: 'Running',
    podIP: '10.128.2.99',
    podIPs: [{ ip: '10.128.2.99' }],
    containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }],
  },
});

// ---------------------------------------------------------------------------
describe('FakeKube with the real kubectl', () => {
  let kubectl = '';
  let fake: FakeKube;
  let tmp: string;
  let kubeconfig: string;

  beforeAll(async () => {
    try {
      kubectl = execFileSync('which', ['kubectl'], { encoding: 'utf8' }).trim();
    } catch {
      kubectl = '';
    }
    if (!kubectl) {
      throw new Error(
        'kubectl is not on PATH: these contract tests need the real binary (Debian: `apt-get install -y kubectl`, or the older `kubernetes-client`)',
      );
    }
    fake = await FakeKube.fromSnapshotDir(DEMO).start();
    tmp = mkdtempSync(join(tmpdir(), 'fake-kube-'));
    kubeconfig = join(tmp, 'kubeconfig');
    writeFileSync(kubeconfig, fake.kubeconfigYaml());
  });
  afterAll(async () => {
    await fake?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Runs kubectl asynchronously (the fake lives in this process, so execFileSync would deadlock). */
  function run(args: string[], config = kubeconfig): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        kubectl,
        ['--kubeconfig', config, '--cache-dir', join(tmp, 'cache'), '--request-timeout=10s', ...args],
        { timeout: 25000, maxBuffer: 16 << 20 },
        (err, stdout, stderr) =>
          resolve({
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
            stdout,
            stderr,
          }),
      );
    });
  }
  async function ok(args: string[]): Promise<string> {
    const r = await run(args);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }
  /** Parses kubectl's column output (columns are separated by 2+ spaces). */
  function table(text: string): Record<string, string>[] {
    const [header, ...lines] = text.trim().split('\n');
    const cols = header!.trim().split(/\s{2,}/);
    return lines.map((l) =>
      Object.fromEntries(
        l
          .trim()
          .split(/\s{2,}/)
          .map((v, i) => [cols[i] ?? `#${i}`, v]),
      ),
    );
  }

  test('get pods -A -o wide: server-side Table with the wide columns', async () => {
    const out = await ok(['get', 'pods', '-A', '-o', 'wide']);
    const rows = table(out);
    expect(out.split('\n')[0]!.split(/\s{2,}/)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.NAME === 'sqlapi-1-8jgx8')).toMatchObject({
      NAMESPACE: 'project1',
      READY: '1/1',
      STATUS: 'Running',
      RESTARTS: '0',
      IP: '10.129.2.7',
      NODE: 'aro2-p8bjm-worker-northeurope1-qt8l7',
      'NOMINATED NODE': '<none>',
      'READINESS GATES': '<none>',
    });
    expect(rows.find((r) => r.NAME === 'server-1-deploy')?.STATUS).toBe('Completed');
  });

  test('get svc -n project1: service table with PORT(S)', async () => {
    const rows = table(await ok(['get', 'svc', '-n', 'project1']));
    expect(rows.map((r) => r.NAME).sort()).toEqual(['server', 'sqlapi', 'sqlapilb']);
    expect(rows.find((r) => r.NAME === 'sqlapilb')).toMatchObject({
      TYPE: 'LoadBalancer',
      'CLUSTER-IP': '172.30.213.86',
      'EXTERNAL-IP': '10.0.2.10',
      'PORT(S)': '8080:30039/TCP',
    });
    expect(rows.find((r) => r.NAME === 'sqlapi')).toMatchObject({
      TYPE: 'ClusterIP',
      'EXTERNAL-IP': '<none>',
      'PORT(S)': '8080/TCP',
    });
  });

  test('get pods -A -o json: a List of 9 pods (kubectl fills in item kind)', async () => {
    const list = JSON.parse(await ok(['get', 'pods', '-A', '-o', 'json']));
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(9);
    expect(list.items.every((p: any) => p.kind === 'Pod' && p.apiVersion === 'v1')).toBe(true);
    const pod = list.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    expect(pod.status.podIP).toBe('10.129.2.7');
  });

  test('get routes -A -o json: route.openshift.io is discovered and listed', async () => {
    const list = JSON.parse(await ok(['get', 'routes', '-A', '-o', 'json']));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'Route',
      apiVersion: 'route.openshift.io/v1',
      metadata: { name: 'sqlapilb', namespace: 'project1' },
    });
  });

  test('short names, cluster-scoped resources, get by name and 404', async () => {
    expect(table(await ok(['get', 'no'])).map((r) => r.NAME)).toContain('aro2-p8bjm-worker-northeurope1-qt8l7');
    expect(
      table(await ok(['get', 'ns']))
        .map((r) => r.NAME)
        .sort(),
    ).toEqual(['default', 'openshift-dns', 'openshift-ingress', 'project1']);
    const pod = JSON.parse(await ok(['get', 'pod', 'sqlapi-1-8jgx8', '-n', 'project1', '-o', 'json']));
    expect(pod).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'sqlapi-1-8jgx8' },
      spec: { nodeName: 'aro2-p8bjm-worker-northeurope1-qt8l7' },
    });
    expect(fake.requests.some((r) => r.path === '/api/v1/namespaces/project1/pods/sqlapi-1-8jgx8')).toBe(true);
    const missing = await run(['get', 'pod', 'nope', '-n', 'project1']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('pods "nope" not found');
  });

  test('paging: --chunk-size follows metadata.continue', async () => {
    const before = fake.requests.length;
    const rows = table(await ok(['get', 'endpointslices', '-A', '--chunk-size=2']));
    expect(rows).toHaveLength(7);
    const pages = fake.requests.slice(before).filter((r) => r.path === '/apis/discovery.k8s.io/v1/endpointslices');
    expect(pages).toHaveLength(4);
    expect(pages.filter((r) => /(^|&)continue=/.test(r.query))).toHaveLength(3);
  });

  test('get -w: watch events come back as Table rows', async () => {
    let out = '';
    const child: ChildProcess = spawn(kubectl, [
      '--kubeconfig',
      kubeconfig,
      '--cache-dir',
      join(tmp, 'cache'),
      'get',
      'pods',
      '-n',
      'project1',
      '-w',
    ]);
    child.stdout!.on('data', (d) => {
      out += d;
    });
    try {
      await waitFor('kubectl -w to print the initial list', () => out.includes('sqlapi-1-8jgx8'));
      await waitFor('kubectl -w to open its watch', () =>
        fake.requests.some((r) => r.watch && r.path === '/api/v1/namespaces/project1/pods'),
      );
      fake.upsert(newPod('watched-pod'));
      await waitFor('kubectl -w to print the new pod', () => out.includes('watched-pod'));
      expect(out.split('\n').find((l) => l.startsWith('watched-pod'))).toMatch(/^watched-pod\s+1\/1\s+Running\s+0\s+/);
    } finally {
      child.kill();
      fake.remove('Pod', 'project1', 'watched-pod');
    }
  });

  test('fault unauthorized: kubectl reports 401', async () => {
    fake.fault = 'unauthorized';
    try {
      const r = await run(['get', 'pods', '-A']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/must be logged in|Unauthorized|provide credentials/);
    } finally {
      fake.fault = null;
    }
  });

  test('optional groups: no Route objects → kubectl has no "routes" resource type', async () => {
    const bare = await new FakeKube({ objects: [newPod('only-pod')] }).start();
    const cfg = join(tmp, 'bare-kubeconfig');
    writeFileSync(cfg, bare.kubeconfigYaml());
    try {
      const r = await run(['get', 'routes', '-A'], cfg);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('the server doesn\'t have a resource type "routes"');
    } finally {
      await bare.stop();
    }
  });
});

// ---------------------------------------------------------------------------
describe('FakeKube with the real @kubernetes/client-node', () => {
  let fake: FakeKube;
  let kc: any;
  let core: any;

  beforeEach(async () => {
    fake = await FakeKube.fromSnapshotDir(DEMO).start();
    kc = new k8s.KubeConfig();
    kc.loadFromString(fake.kubeconfigYaml());
    core = kc.makeApiClient(k8s.CoreV1Api);
  });
  afterEach(async () => {
    await fake.stop();
  });

  /** A pod informer that records what it emits; stop() it in finally. */
  async function podInformer() {
    const inf = k8s.makeInformer(kc, '/api/v1/pods', () => core.listPodForAllNamespaces());
    const seen = {
      add: [] as string[],
      update: [] as string[],
      delete: [] as string[],
      errors: [] as any[],
      connects: 0,
      stopped: false,
    };
    inf.on('add', (o: any) => seen.add.push(o.metadata.name));
    inf.on('update', (o: any) => seen.update.push(o.metadata.name));
    inf.on('delete', (o: any) => seen.delete.push(o.metadata.name));
    inf.on('connect', () => {
      seen.connects++;
    });
    inf.on('error', (e: any) => {
      if (!seen.stopped) seen.errors.push(e);
    });
    await inf.start();
    const stop = async () => {
      seen.stopped = true;
      await inf.stop();
    };
    return { inf, seen, stop };
  }
  const lists = () => fake.requests.filter((r) => r.path === '/api/v1/pods' && !r.watch).length;
  const watches = () => fake.requests.filter((r) => r.path === '/api/v1/pods' && r.watch).length;

  test('typed API calls: pods, services, endpoint slices, routes; 404 and 401', async () => {
    const pods = await core.listPodForAllNamespaces();
    expect(pods.items).toHaveLength(9);
    const sqlapi = pods.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    expect(sqlapi.status.podIP).toBe('10.129.2.7');
    expect(sqlapi.spec.nodeName).toBe('aro2-p8bjm-worker-northeurope1-qt8l7');
    expect(sqlapi.metadata.creationTimestamp).toBeInstanceOf(Date); // the serializer really parsed it
    expect(Number(pods.metadata.resourceVersion)).toBeGreaterThan(0);

    const svcs = await core.listNamespacedService({ namespace: 'project1' });
    expect(svcs.items.map((s: any) => s.metadata.name).sort()).toEqual(['server', 'sqlapi', 'sqlapilb']);
    const slices = await kc.makeApiClient(k8s.DiscoveryV1Api).listEndpointSliceForAllNamespaces();
    expect(slices.items).toHaveLength(7);
    const routes = await kc.makeApiClient(k8s.CustomObjectsApi).listNamespacedCustomObject({
      group: 'route.openshift.io',
      version: 'v1',
      namespace: 'project1',
      plural: 'routes',
    });
    expect(routes.items.map((r: any) => r.metadata.name)).toEqual(['sqlapilb']);

    const pod = await core.readNamespacedPod({
      namespace: 'project1',
      name: 'sqlapi-1-8jgx8',
    });
    expect(pod.kind).toBe('Pod');
    await expect(core.readNamespacedPod({ namespace: 'project1', name: 'nope' })).rejects.toMatchObject({ code: 404 });

    const bad = new k8s.KubeConfig();
    bad.loadFromString(fake.kubeconfigYaml().replace(/token: .*/, 'token: wrong'));
    await expect(bad.makeApiClient(k8s.CoreV1Api).listNode()).rejects.toMatchObject({ code: 401 });
    fake.fault = 'unauthorized';
    await expect(core.listNode()).rejects.toMatchObject({ code: 401 });
    fake.fault = 'down';
    await expect(core.listNode()).rejects.toMatchObject({ code: 503 });
    fake.fault = null;
    expect((await core.listNode()).items).toHaveLength(6);
  });

  test('paging: limit + continue visit every pod once', async () => {
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const page: any = await core.listPodForAllNamespaces({
        limit: 4,
        _continue: cont,
      });
      names.push(...page.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`));
      cont = page.metadata._continue || undefined;
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(9);
    expect(names).toContain('project1/sqlapi-1-8jgx8');
  });

  test('informer: initial list, then add / update / delete from the watch', async () => {
    const { inf, seen, stop } = await podInformer();
    try {
      expect(inf.list()).toHaveLength(9);
      expect(inf.get('sqlapi-1-8jgx8', 'project1').status.podIP).toBe('10.129.2.7');
      await waitFor('the informer to open its watch', () => watches() === 1);
      fake.upsert(newPod('new-pod'));
      await waitFor('add new-pod', () => seen.add.includes('new-pod'));
      expect(inf.list()).toHaveLength(10);
      fake.upsert({
        ...newPod('new-pod'),
        metadata: { ...newPod('new-pod').metadata, labels: { app: 'changed' } },
      });
      await waitFor('update new-pod', () => seen.update.includes('new-pod'));
      expect(inf.get('new-pod', 'project1').metadata.labels).toEqual({
        app: 'changed',
      });
      fake.remove('Pod', 'project1', 'new-pod');
      await waitFor('delete new-pod', () => seen.delete.includes('new-pod'));
      expect(inf.list()).toHaveLength(9);
      expect(seen.errors).toEqual([]);
      expect(lists()).toBe(1);
    } finally {
      await stop();
    }
  });

  test('drop-watches: the informer re-watches by itself, from its resourceVersion, no re-list, no error', async () => {
    const { inf, seen, stop } = await podInformer();
    try {
      await waitFor('the informer to open its watch', () => watches() === 1);
      const connects = seen.connects;
      fake.fault = 'drop-watches';
      // While the fault is set each new watch is ended at once too.
      await waitFor('the informer to try a new watch', () => watches() >= 2);
      fake.fault = null;
      fake.upsert(newPod('after-drop'));
      await waitFor('add after-drop (back-off is 1 s, 2 s, …)', () => seen.add.includes('after-drop'));
      expect(inf.list()).toHaveLength(10);
      expect(seen.connects).toBeGreaterThan(connects); // 'connect' on each reconnect
      expect(seen.errors).toEqual([]); // a clean end is not reported as an error
      expect(lists()).toBe(1); // no re-list: it resumed from its resourceVersion
      const rvs = fake.requests.filter((r) => r.watch).map((r) => new URLSearchParams(r.query).get('resourceVersion'));
      expect(rvs.slice(1).every((rv) => rv === rvs[0])).toBe(true);
    } finally {
      await stop();
    }
  });

  test('gone: a 410 ERROR event makes the informer re-list by itself, without spurious events', async () => {
    const { inf, seen, stop } = await podInformer();
    try {
      await waitFor('the informer to open its watch', () => watches() === 1);
      const adds = seen.add.length;
      fake.fault = 'gone'; // open watches get {type: ERROR, object: Status 410 Expired} and end
      await waitFor('the informer to re-list', () => lists() === 2);
      await waitFor('the informer to watch again', () => watches() >= 2);
      fake.fault = null;
      // The ERROR event itself triggered the re-list (not a 410 on a reconnect).
      const seq = fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => (r.watch ? 'watch' : 'list'));
      expect(seq).toEqual(['list', 'watch', 'list', 'watch']);
      expect(seen.add.length).toBe(adds); // re-list of unchanged objects: no add/update/delete
      expect(seen.update).toEqual([]);
      expect(seen.delete).toEqual([]);
      fake.upsert(newPod('after-gone'));
      await waitFor('add after-gone', () => seen.add.includes('after-gone'));
      expect(inf.list()).toHaveLength(10);
      expect(seen.errors).toEqual([]);
    } finally {
      await stop();
    }
  });

  test('gone: a watch from an old resourceVersion gets a 410 ERROR event', async () => {
    fake.fault = 'gone';
    const events: { type: string; obj: any }[] = [];
    let done: unknown = 'not yet';
    await new k8s.Watch(kc).watch(
      '/api/v1/pods',
      { resourceVersion: '1' },
      (type: string, obj: any) => events.push({ type, obj }),
      (err: unknown) => {
        done = err;
      },
    );
    await waitFor('the watch to end', () => done !== 'not yet');
    expect(done).toBeNull(); // a clean end; the 410 is in the event
    expect(events).toEqual([
      {
        type: 'ERROR',
        obj: expect.objectContaining({
          kind: 'Status',
          status: 'Failure',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });

  test('down: a destroyed watch socket is an "error", the informer stops, start() resumes without re-list', async () => {
    const { inf, seen, stop } = await podInformer();
    try {
      await waitFor('the informer to open its watch', () => watches() === 1);
      fake.fault = 'down';
      await waitFor('an error event', () => seen.errors.length > 0);
      fake.fault = null;
      fake.upsert(newPod('while-stopped'));
      // The informer does not come back by itself: the caller restarts it.
      await inf.start();
      await waitFor('add while-stopped after start()', () => seen.add.includes('while-stopped'));
      expect(lists()).toBe(1); // start() re-watched from the last resourceVersion
      expect(inf.list()).toHaveLength(10);
    } finally {
      await stop();
    }
  });

  test('informer.stop() reports its own abort through "error"', async () => {
    const inf = k8s.makeInformer(kc, '/api/v1/pods', () => core.listPodForAllNamespaces());
    const errors: any[] = [];
    inf.on('error', (e: any) => errors.push(e));
    await inf.start();
    await waitFor('the informer to open its watch', () => watches() === 1);
    await inf.stop();
    await waitFor('an error after stop()', () => errors.length > 0);
    expect(errors[0].name).toBe('AbortError');
  });

  test('FakeKube.stop() ends open watches', async () => {
    let done: unknown = 'not yet';
    await new k8s.Watch(kc).watch(
      '/api/v1/nodes',
      {},
      () => undefined,
      (err: unknown) => {
        done = err;
      },
    );
    await waitFor('the watch to open', () => fake.requests.some((r) => r.watch && r.path === '/api/v1/nodes'));
    await fake.stop();
    await waitFor('the watch to end', () => done !== 'not yet');
    expect(done).toBeNull();
  });
});
