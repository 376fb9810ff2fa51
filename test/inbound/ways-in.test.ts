// A workload with several ways in (LoadBalancer Service, nginx ingress, AGIC ingress, Gateway API HTTPRoute): the
// answer takes the way in the question names, and lists the others in one line each with the question to ask.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { namedWaysIn } from '../../src/inbound/ways-in';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { parse } from '../../src/nlu/parse';

const FX = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const inbound = (q: string, inv: SnapshotInventory) => ask(q, inv, {}, 'inbound');
const agic = FX('aks-agic');
const agc = FX('aks-agc');
const others = (r: { facts: { label: string; value: string }[] }) =>
  r.facts.filter((f) => f.label === 'Other way in').map((f) => f.value);

test('aks-agic: the Service asked is answered, and its AGIC and nginx ways in are listed with their question', async () => {
  const r = await inbound('inbound service/web -n shop', agic);
  expect(r.hops.find((h) => h.kind === 'public-ip')?.ip).toBe('20.31.46.20');
  expect(others(r)).toEqual([
    expect.stringMatching(
      /^Application Gateway \(AGIC\) ingress shop\/web-agw, host shop-agw\.contoso\.com.*— ask "inbound ingress\/web-agw -n shop"$/,
    ),
    expect.stringMatching(
      /^ingress shop\/web \(nginx\), host shop\.contoso\.com — ask "inbound ingress\/web -n shop"$/,
    ),
  ]);
  expect(r.followUps).toContainEqual({
    title: 'inbound ingress/web-agw -n shop',
    question: 'inbound ingress/web-agw -n shop',
    intent: 'inbound',
  });
  expect(r.answer).toMatch(/The same pods have 2 other ways in, listed below\.$/);
  // the question each line offers walks that way in
  const agw = await inbound('inbound ingress/web-agw -n shop', agic);
  expect(agw.hops.map((h) => h.name)).toContain('aks-agw');
  expect(others(agw)).toEqual([]);
});

test('aks-agic: "application gateway is in front of web" walks the gateway aks-agw, not the nginx ingress', async () => {
  const r = await inbound(
    'application gateway is in front of web, yes? the web pod get the request from which address, the gateway or the client?',
    agic,
  );
  expect(r.hops.map((h) => h.kind)).toContain('application-gateway');
  expect(r.hops.find((h) => h.kind === 'application-gateway')?.name).toBe('aks-agw');
  expect(r.answer).toMatch(/AGIC, ingress shop\/web-agw/);
  expect(r.seenAs).toEqual(['10.225.0.0/24']);
  expect(others(r)).toEqual([
    expect.stringMatching(/^ingress shop\/web \(nginx\)/),
    expect.stringMatching(/^LoadBalancer Service shop\/web at 20\.31\.46\.20 — ask "inbound service\/web -n shop"$/),
  ]);
  // said after a pasted browser error, with "App Gateway" in the asking sentence
  const ws = await inbound(
    "WebSocket connection to 'wss://shop-agw.contoso.com/live' failed: Connection closed before receiving a " +
      'handshake response\n^ from the browser console, about 30 s after load. how does that request travel from ' +
      'the App Gateway to the web pods?',
    agic,
  );
  expect(ws.hops.find((h) => h.kind === 'application-gateway')?.name).toBe('aks-agw');
  // no way in named: the nginx ingress as before, the others listed
  const plain = await inbound('how does a request get to web?', agic);
  expect(plain.hops.map((h) => h.kind)).toContain('ingress-controller');
  expect(others(plain)).toHaveLength(2);
});

test('a way in named that the workload does not have is said, and the way in it has is answered', async () => {
  const r = await inbound('how does the app gateway send requests to web?', FX('aks-lb'));
  expect(r.status).toBe('answered');
  expect(r.warnings[0]).toBe(
    'I found no Application Gateway (AGIC ingress) in front of shop/web; this is the way in it has',
  );
  // a host with "agw" in it names no way in; the words do, the most specific first
  expect(namedWaysIn(parse('how does a request to shop-agw.contoso.com reach web?'))).toEqual([]);
  expect(namedWaysIn(parse('from the AGW to web'))).toEqual(['app-gateway']);
  expect(namedWaysIn(parse('application gateway for containers in front of web'))).toEqual(['agc']);
  expect(namedWaysIn(parse('through Front Door and the load balancer'))).toEqual(['front-door', 'load-balancer']);
});

test('aks-agc: the AGC frontend FQDN is the Gateway: straight to the pod IPs, the delegated subnet as source', async () => {
  const r = await inbound(
    'AGC frontend c7f2e1d0b9a8f7e6.fz53.alb.azure.com -> web: via a node / kube-proxy or straight to pod IPs? ' +
      'which src do the pods see?',
    agc,
  );
  expect(r.status).toBe('answered');
  expect(r.hops.map((h) => h.kind)).toEqual(['client', 'application-gateway', 'pod', 'pod']);
  expect(r.hops[0].dst).toBe('c7f2e1d0b9a8f7e6.fz53.alb.azure.com');
  expect(r.answer).toMatch(/no LoadBalancer Service and no node hop \(no kube-proxy either\)/);
  expect(r.answer).toMatch(/straight to the pod IPs \(10\.244\.0\.12:8080, 10\.244\.1\.8:8080\)/);
  expect([r.seenAs, r.clientIp]).toEqual([['10.225.1.0/24'], 'xff']);
  expect(others(r)).toEqual([
    expect.stringMatching(/^ingress shop\/web \(nginx\)/),
    expect.stringMatching(/^LoadBalancer Service shop\/web/),
  ]);
  // "AGC" said with the workload picks the HTTPRoute (its host), the others listed
  const named = await inbound('how does AGC send requests to the web pods?', agc);
  expect(named.answer).toMatch(/^shop-agc\.contoso\.com is served by Application Gateway for Containers/);
  const plain = await inbound('inbound service/web -n shop', agc);
  expect(others(plain)).toContainEqual(
    expect.stringMatching(
      /^Gateway API HTTPRoute shop\/web-route, host shop-agc\.contoso\.com .*— ask "inbound shop-agc\.contoso\.com"$/,
    ),
  );
});
