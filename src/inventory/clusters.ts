// Several clusters behind one bot: each a name and its own inventory (demo,
// snapshot folder, kubeconfig context or in-cluster), with optional per-cluster
// allowlists of users.
import { startHistory, type Recorder } from '../changes/recorder';
import type { Config } from '../config';
import type { Inventory } from './inventory';
import { openInventory, type OpenOptions, type Opened } from './open';

/** The configuration of one cluster source: demo, snapshot:DIR, context:CTX or in-cluster. */
export function configForSource(c: Config, source: string): Config {
  if (source === 'demo')
    return {
      ...c,
      PACKET_PATH_LIVE: false,
      PACKET_PATH_SNAPSHOT: undefined,
      PACKET_PATH_KUBE_CONTEXT: undefined,
    };
  if (source.startsWith('snapshot:'))
    return {
      ...c,
      PACKET_PATH_LIVE: false,
      PACKET_PATH_SNAPSHOT: source.slice('snapshot:'.length),
      PACKET_PATH_KUBE_CONTEXT: undefined,
    };
  if (source.startsWith('context:'))
    return {
      ...c,
      PACKET_PATH_LIVE: true,
      PACKET_PATH_KUBE_CONTEXT: source.slice('context:'.length),
    };
  return { ...c, PACKET_PATH_LIVE: true, PACKET_PATH_KUBE_CONTEXT: undefined };
}

export interface Cluster {
  name: string;
  inventory: Inventory;
  /** AAD object ids that may ask about it (empty: everyone the bot lets in) */
  users: string[];
}

export class Clusters {
  private readonly recorders: (Recorder | undefined)[] = [];

  private constructor(
    private readonly all: Map<string, { cluster: Cluster; opened?: Opened }>,
    readonly defaultName: string,
  ) {}

  /** One cluster around a given inventory (tests, embedding). */
  static single(inventory: Inventory, name = 'default', users: string[] = []): Clusters {
    return new Clusters(new Map([[name, { cluster: { name, inventory, users } }]]), name);
  }

  /**
   * From PACKET_PATH_CLUSTERS ("name=demo, name=snapshot:DIR, name=context:CTX, name=in-cluster"), else the single
   * configured source.
   */
  static async open(c: Config, o: OpenOptions = {}): Promise<Clusters> {
    const users = new Map(c.PACKET_PATH_CLUSTER_ALLOWED_USERS.map(([name, ids]) => [name, ids]));
    if (!c.PACKET_PATH_CLUSTERS.length) {
      const opened = await openInventory(c, o);
      return new Clusters(
        new Map([
          [
            'default',
            {
              cluster: {
                name: 'default',
                inventory: opened.inventory,
                users: users.get('default') ?? [],
              },
              opened,
            },
          ],
        ]),
        'default',
      );
    }
    const all = new Map<string, { cluster: Cluster; opened?: Opened }>();
    for (const { name, source } of c.PACKET_PATH_CLUSTERS) {
      const opened = await openInventory(configForSource(c, source), o);
      all.set(name, {
        cluster: {
          name,
          inventory: opened.inventory,
          users: users.get(name) ?? [],
        },
        opened,
      });
    }
    return new Clusters(all, c.PACKET_PATH_CLUSTERS[0].name);
  }

  get names(): string[] {
    return [...this.all.keys()];
  }

  get(name = this.defaultName): Cluster | undefined {
    return this.all.get(name)?.cluster;
  }

  pending(): string[] {
    return [...this.all].flatMap(([name, x]) =>
      (x.opened?.pending() ?? []).map((p) => (this.all.size > 1 ? `${name}: ${p}` : p)),
    );
  }

  /** Live clusters keep their path facts over time ("what changed?"): checked every minute, recorded on change. */
  keepHistory(): this {
    for (const name of this.all.keys()) this.history(name);
    return this;
  }

  /**
   * The recorder of a live cluster, started when none runs yet (several listeners attach to it: answers, alerts);
   * undefined for a snapshot or an unknown name.
   */
  history(name: string): Recorder | undefined {
    const c = this.all.get(name)?.cluster;
    if (!c) return undefined;
    const r = startHistory(c.inventory, { pollMs: 60_000 });
    if (r && !this.recorders.includes(r)) this.recorders.push(r);
    return r;
  }

  async stop(): Promise<void> {
    for (const r of this.recorders.splice(0)) r?.stop();
    await Promise.all([...this.all.values()].map((x) => x.opened?.stop()));
  }
}
