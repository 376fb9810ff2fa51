// Held-out set 13 (test/nlu/heldout-13.jsonl): a week of an incident channel on the demo, netpol-e2e and 19 test
// fixtures, in eight voices in equal parts (phone shorthand, developers new to Kubernetes describing symptoms,
// network engineers in IPs, ports and NAT, pasted kubectl/oc/az output and error or firewall lines, Teams HTML,
// second-language English, ticket titles, managers' full sentences). New incidents: a mesh sidecar blamed, pods
// after a node drain, a StatefulSet's headless Service, a CronJob going out to a partner SFTP, Windows prompts and
// half-typed lines, Deployments named by label (`app=web`), replies to the bot's last answer, "the VIP", OpenShift
// and AKS words mixed, two IPs in one question. Written without reading the parser, its corpus or the other sets.
// Print-only: the score by family, the confident misroutes and every miss; no floors.
import { expectCoverage, loadLines, score } from './heldout-check';

const lines = loadLines('heldout-13.jsonl');

test('held-out set 13: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 13', lines);
  console.log(`held-out 13: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
  // the set itself (counts of labelled lines, not the parser's score): >= 18 per family, >= 20 non-answers
  expectCoverage(s, 18, 20);
}, 300_000);
