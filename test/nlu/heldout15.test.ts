// Held-out set 15 (test/nlu/heldout-15.jsonl): on-call questions on the demo, netpol-e2e and twenty test fixtures, in
// eight voices in about equal parts (phone shorthand, developers describing symptoms, network engineers in IPs, ports
// and NAT, pasted kubectl/oc/az output and error lines, Teams HTML with greetings, second-language English, ticket
// titles, managers' full sentences), written without reading the parser, its corpus or the other held-out sets.
// Incidents: a renamed Deployment, a CrashLoopBackOff pod whose IP keeps changing, a partner VPN seeing another
// source, a NodePort reached from outside, the API server's address, a proxy that does not exist, an auditor asking
// which IPs leave, a load test against SNAT limits, passive-voice policy checks, questions that open with the answer
// they expect, and messages that ask two things (labelled by the one answered first, the other in `alsoOk`).
// Print-only: the score by family, the confident misroutes and every miss; no floors on the score.
import { expectCoverage, loadLines, score } from './heldout-check';

const lines = loadLines('heldout-15.jsonl');

test('held-out set 15: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 15', lines);
  console.log(`held-out 15: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
  expectCoverage(s, 18, 20);
});
