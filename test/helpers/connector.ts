// A local stand-in for the Bot Framework connector: captures what the bot posts.
import { createServer, type Server } from 'node:http';

export interface Captured {
  method: string;
  url: string;
  body: any;
}

export class Connector {
  readonly activities: Captured[] = [];
  private server?: Server;
  private waiters: (() => void)[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        let body: any;
        try {
          body = data ? JSON.parse(data) : undefined;
        } catch {
          body = data;
        }
        this.activities.push({
          method: req.method ?? '',
          url: req.url ?? '',
          body,
        });
        this.waiters.splice(0).forEach((w) => w());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.activities.length}` }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Replies that are messages (not typing indicators), in order. */
  messages(): Captured[] {
    return this.activities.filter((a) => a.body?.type === 'message');
  }

  async waitFor(pred: () => boolean, ms = 10000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end)
        throw new Error(`timed out; captured: ${JSON.stringify(this.activities.map((a) => a.url))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

let seq = 0;
export function messageActivity(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    type: 'message',
    id: `msg-${seq}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: {
      id: 'user-1',
      name: 'On-call Engineer',
      aadObjectId: '00000000-0000-0000-0000-000000000001',
    },
    recipient: { id: 'bot-1', name: 'packet-path' },
    conversation: {
      id: `conv-${seq}`,
      conversationType: 'personal',
      tenantId: 'tenant-1',
    },
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    ...extra,
  };
}

export async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}
