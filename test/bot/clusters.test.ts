// Several clusters behind one bot: the cluster named in the question, else the
// remembered one, else the default; per-cluster allowlists.
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { parse } from '../../src/nlu/parse';
import { startServer, type Running } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';

let connector: Connector;
let bot: Running;
beforeAll(async () => {
  connector = await new Connector().start();
  bot = await startServer(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      PACKET_PATH_CLUSTERS: `aro2=demo, aks1=snapshot:${join(__dirname, '..', 'fixtures', 'aks-lb')}`,
      PACKET_PATH_CLUSTER_ALLOWED_USERS: 'aks1=aad-ops',
    }),
  );
});
afterAll(async () => {
  await bot.close();
  await connector.stop();
});

async function say(text: string, conv: string, aad = 'aad-ops') {
  const a = messageActivity(connector.url, text, {
    from: { id: `u-${aad}`, name: aad, aadObjectId: aad },
    conversation: { id: conv, conversationType: 'personal', tenantId: 't' },
  });
  await post(`http://127.0.0.1:${bot.port}/api/messages`, a);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === a.id));
  return connector.messages().find((m) => m.body.replyToId === a.id)!.body;
}

test('parse: the cluster is an entity of its own', () => {
  expect(parse('public ip of web on cluster aks1').cluster).toBe('aks1');
  expect(parse('egress web --cluster aks1 -n shop')).toMatchObject({
    cluster: 'aks1',
    namespace: 'shop',
    names: ['web'],
  });
});

test('the default cluster answers; a named cluster answers; the cluster sticks for follow-ups', async () => {
  expect((await say("what's the public IP of pod sqlapi?", 'c1')).summary).toMatch(/20\.105\.84\.161/);
  const aks = await say('public ip of web on cluster aks1', 'c1');
  expect(aks.summary).toMatch(/web-7d4b9c8f6d-abcde \(shop\) reaches the Internet as 20\.31\.45\.117/);
  expect(JSON.stringify(aks.attachments[0].content)).toContain('"title":"Cluster","value":"aks1"');
  expect((await say('and what about api?', 'c1')).summary).toMatch(/api-5f6d7c8b9-klmno \(shop\)/);
});

test('a cluster the user may not ask about is refused; an unknown one is named', async () => {
  expect((await say('public ip of web on cluster aks1', 'c2', 'aad-dev')).text).toMatch(
    /may not ask about cluster aks1/,
  );
  expect((await say('public ip of web --cluster nope', 'c3')).summary).toMatch(
    /no cluster "nope" here\. Clusters: aro2, aks1/,
  );
});

test('/healthz names the clusters', async () => {
  expect(await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json()).toMatchObject({ inventory: 'aro2, aks1' });
});

test('an invalid cluster list fails fast', () => {
  expect(() => loadConfig({ PACKET_PATH_CLUSTERS: 'prod' })).toThrow(/PACKET_PATH_CLUSTERS/);
});
