// Held-out set 56: 286 questions written blind, as people type them in Teams — an on-call engineer woken at 3 a.m.,
// a consultant in formal English, a mainframe veteran in capitals, an SOC analyst quoting firewall logs, a team lead
// pasting a Jira ticket, a developer in emoji and abbreviations, a partner asking about our addresses, someone
// correcting themselves mid-message — about invented places (a volcano observatory's seismograph feed, a sushi
// chain's ordering tablets, marathon timing chips, a prison library kiosk, a harbour pilot roster, a lab's sequencer
// uploads, a crematorium's booking portal, a radio station's playout, a vertical farm's LED controllers, bike-share
// docks, a zoo, a toll gantry, ski-lift scanners). Shapes: teams, typo, incident, url, pod-ip, arrow, ticket,
// pasted-output, soc, formal, non-native, emoji, voice, split-horizon, private-zone, record-type, change, cost,
// other-cloud, gibberish, not-found. 25 snapshots (the demo and aks-lb most); every expected value is taken from
// the fixture data. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 585c98b: 270/286 = 94.4 %, 6 confident misroutes; rounds 47 and 48, the model retrained
 * on their reading with sets 54 and 55 in its training: 275/286 = 96.2 %, 2 (egress 29/32). Floors: the lowest of
 * these, rounded down. */
const FLOOR: Record<string, number> = {
  all: 94,
  egress: 90,
  inbound: 88,
  'east-west': 96,
  policy: 90,
  dns: 94,
  'what-is': 96,
  'load-balancers': 100,
  pod: 92,
  help: 95,
  unknown: 100,
};
const MISROUTES = 6;

heldoutTest(56, FLOOR, MISROUTES, { coverage: [24, 24] });
