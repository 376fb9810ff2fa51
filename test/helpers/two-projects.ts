// The demo with project1 copied to project2 (same names, other IPs): "server" is ambiguous.
import { demoCopy, edit } from './fixtures';

export function twoProjects(): string {
  const dir = demoCopy();
  const copy = (o: any) => {
    const c = JSON.parse(
      JSON.stringify(o)
        .replace(/10\.129\.2\.(\d+)/g, '10.128.2.$1')
        .replace(/10\.131\.0\.12/g, '10.128.2.40'),
    );
    c.metadata.namespace = 'project2';
    c.metadata.uid = `${c.metadata.uid ?? 'x'}-p2`;
    return c;
  };
  for (const f of ['pods', 'services', 'endpointslices']) {
    edit(
      dir,
      `kubernetes/${f}.json`,
      (d) =>
        void d.items.push(
          ...d.items
            .filter((o: any) => o.metadata.namespace === 'project1' && o.spec?.type !== 'LoadBalancer')
            .map(copy),
        ),
    );
  }
  edit(
    dir,
    'kubernetes/namespaces.json',
    (d) =>
      void d.items.push({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'project2',
          labels: { 'kubernetes.io/metadata.name': 'project2' },
        },
      }),
  );
  return dir;
}
