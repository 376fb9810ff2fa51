// Azure kept warm, measured against the fake ARM server: ARM requests of the
// background warm-up, of each family's first answer after it (target 0), and of
// the background refresh at the default interval (requests of one full round
// × rounds per minute; its requests are paced to at most one a second).
import { ask } from '../src/answer';
import { loadConfig } from '../src/config';
import { ArmInventory } from '../src/inventory/azure';
import type { KubeInventory } from '../src/inventory/kubernetes';
import { LiveInventory } from '../src/inventory/live';
import { testCredential } from '../test/helpers/fake-arm';

export interface WarmFigures {
  /** ARM requests of the warm-up: every listing of the cluster's resource groups, scale sets and subscriptions */
  warmUpArmRequests: number;
  warmUpMs: number;
  /** ARM requests on the answer path after warm-up, all families (target 0) */
  warmArmRequests: number;
  warmArmRequestsByFamily: Record<string, number>;
  /** the default PACKET_PATH_AZURE_REFRESH_SECONDS */
  refreshSeconds: number;
  /** ARM requests of one background refresh round (every kept listing once, pages included) */
  refreshArmPerRound: number;
  /** background refresh ARM requests per minute at the default interval (target ≤ 60) */
  refreshArmPerMinute: number;
}

export async function benchWarm(o: {
  kube: KubeInventory;
  armUrl: string;
  ca: string;
  /** [family, question] */
  questions: [string, string][];
}): Promise<WarmFigures> {
  const refreshSeconds = loadConfig({}).PACKET_PATH_AZURE_REFRESH_SECONDS;
  let requests = 0;
  const arm = new ArmInventory({
    credential: testCredential(),
    endpoint: o.armUrl,
    ca: o.ca,
    refreshMs: refreshSeconds * 1000,
    onRequest: () => requests++,
  });
  try {
    const inv = new LiveInventory(o.kube, arm);
    const t = performance.now();
    await inv.keepWarm();
    await arm.settled();
    const warmUpMs = Math.round(performance.now() - t);
    const warmUpArmRequests = requests;
    const warmArmRequestsByFamily: Record<string, number> = {};
    for (const [family, question] of o.questions) {
      const before = requests;
      await ask(question, inv);
      warmArmRequestsByFamily[family] = requests - before;
    }
    const before = requests;
    await arm.refreshRound();
    const refreshArmPerRound = requests - before;
    return {
      warmUpArmRequests,
      warmUpMs,
      warmArmRequests: Object.values(warmArmRequestsByFamily).reduce((a, b) => a + b, 0),
      warmArmRequestsByFamily,
      refreshSeconds,
      refreshArmPerRound,
      // a round's requests are paced one a second: a round longer than the interval stretches it
      refreshArmPerMinute: Math.min(Math.round((refreshArmPerRound * 60 * 10) / refreshSeconds) / 10, 60),
    };
  } finally {
    arm.stop();
  }
}
