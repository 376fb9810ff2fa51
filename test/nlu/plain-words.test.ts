// Words of plain English are never names or typos; the way a message is written (a pasted log line, a flow log
// tuple, an HTML arrow, a pasted `kubectl exec`) says who is who and which port.
import { join } from 'node:path';
import { understandWith } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { parse } from '../../src/nlu/parse';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('common English words are never "fixed" into vocabulary words, nor read as names', () => {
  expect(parse('how many snat ports does each node get').text).toContain('does each node');
  expect(parse('were the lookups slow').text).toContain('were the');
  expect(parse('which pod gets traffic on nodeport 30080 from outside').names).not.toContain('gets');
  expect(parse('hlp').kind).toBe('help');
});

test('a verb after "when" is no client: "when looked up from web" is looked up from web', () => {
  expect(parse('does db.shop give a pod ip when looked up from web?').from).toBe('web');
});

test('an NSG flow log tuple says the destination port; a klog header is no name', () => {
  const tuple = parse('1733100000,10.10.1.11,10.10.2.10,50000,8080,T,I,D,B,,,, which rule?');
  expect(tuple.port).toBe(8080);
  const klog = parse('E1130 10:00:00.123 dial 10.0.0.1 failed\n10.0.0.1 pod or node?');
  expect(klog.names).not.toContain('e1130');
  expect(klog.asking).toBe('10.0.0.1 pod or node?');
});

test('an arrow drawn back after a port ("db-0:5432 &lt;- api") puts the client last', async () => {
  const p = await understandWith('<p>db-0:5432 &lt;- web, permitted?</p>', fixture('aks-lb'));
  expect(p.roles).toMatchObject({ client: 'web', target: 'db-0' });
});

test('"but web can still call api" is the pair, not a comparison', async () => {
  const p = await understandWith('deny-all in shop but web can still call api on 8080?', fixture('aks-cni-nsg'));
  expect(p.roles).toMatchObject({ client: 'web', target: 'api' });
});

test('a change asked politely is a change request', async () => {
  const p = await understandWith(
    'is it possible to move the egress ip of project1 to another node?',
    SnapshotInventory.demo(),
  );
  expect([p.kind, p.outOfScope]).toEqual(['unknown', true]);
});
