// Azure's default SNAT port allocation: the table's ports for the pool size, per frontend IP, at most 1,024.
// https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
import { defaultPortsPerInstance as defaultPorts, defaultText, snatCapacity } from '../../src/path/snat';
import { growthText, largestPoolAt } from '../../src/snat/default-ports';

test.each([
  [3, 1024],
  [50, 1024],
  [51, 512],
  [100, 512],
  [200, 256],
  [400, 128],
  [800, 64],
  [1000, 32],
])('a pool of %i gets %i ports per instance with one frontend IP', (pool, ports) => {
  expect(defaultPorts(pool, 1)).toBe(ports);
});

test('each frontend IP adds the table ports, up to 1,024 per instance', () => {
  expect(defaultPorts(100, 2)).toBe(1024);
  expect(defaultPorts(100, 3)).toBe(1024);
  expect(defaultPorts(300, 2)).toBe(256);
});

test('the largest pool that keeps an allocation', () => {
  expect(largestPoolAt(1024, 1)).toBe(50);
  expect(largestPoolAt(512, 1)).toBe(100);
  expect(largestPoolAt(1024, 2)).toBe(100);
  expect(largestPoolAt(32, 1)).toBe(1000);
});

test('in words: the ports for the pool, and how they shrink as it grows', () => {
  expect(defaultText(3)).toBe('1024 ports per instance, the default for a pool of 3');
  expect(growthText(3)).toBe(
    'the default shrinks as the pool grows: 1,024 up to 50 nodes, then 512 up to 100, then 256 up to 200, … 32 up ' +
      "to 1,000 (the table's largest pool)",
  );
  expect(growthText(900)).toBe(
    "the default shrinks as the pool grows: 32 up to 1,000 nodes (the table's largest pool)",
  );
});

test('the path rule counts the frontend IPs too: 2 IPs and 100 nodes keep 1,024 each, room for the table', () => {
  const c = snatCapacity(0, 2, 100);
  expect(c.portsPerInstance).toBe(1024);
  expect(c.explicit).toBe(false);
});
