// Several replicas share conversation state through Azure Blob Storage
// (Azurite here): a dialog started on one instance continues on another.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { loadConfig } from '../../src/config';
import { startServer, type Running } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';
import { twoProjects } from '../helpers/two-projects';

// Azurite's published development account (not a secret)
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

let azurite: ChildProcess;
let connector: Connector;
let a: Running;
let b: Running;

beforeAll(async () => {
  const port = await freePort();
  azurite = spawn(
    process.execPath,
    [
      join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js'),
      '--silent',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 20000;
  while (
    Date.now() < deadline &&
    !(await fetch(`http://127.0.0.1:${port}/devstoreaccount1?comp=list`).then(
      () => true,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 100));
  const env = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    PACKET_PATH_STATE_BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    PACKET_PATH_STATE_BLOB_CONTAINER: 'state-test',
  };
  const inv = SnapshotInventory.load(twoProjects());
  connector = await new Connector().start();
  a = await startServer(loadConfig(env), { inventory: inv });
  b = await startServer(loadConfig(env), { inventory: inv });
}, 60000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await connector?.stop();
  azurite?.kill();
});

async function say(bot: Running, activity: any) {
  expect(await post(`http://127.0.0.1:${bot.port}/api/messages`, activity)).toBe(200);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  return connector.messages().find((m) => m.body.replyToId === activity.id)!.body;
}

test('ask on instance A, choose on instance B, follow up on A: one conversation', async () => {
  const conv = {
    conversation: {
      id: 'conv-replicas',
      conversationType: 'personal',
      tenantId: 't',
    },
  };
  const question = await say(a, messageActivity(connector.url, 'public ip of pod server', conv));
  const buttons = question.attachments[0].content.actions.filter((x: any) => x.type === 'Action.Submit');
  expect(buttons.map((x: any) => x.title)).toEqual(['project1/server-1-ppl25', 'project2/server-1-ppl25']);
  const choice = await say(b, messageActivity(connector.url, '', { ...conv, value: buttons[1].data }));
  expect(choice.summary).toMatch(/^server-1-ppl25 \(project2\) reaches the Internet/);
  const followUp = await say(a, messageActivity(connector.url, 'and what about sqlapi?', conv));
  expect(followUp.summary).toMatch(/^sqlapi-1-8jgx8 \(project2\)/);
});
