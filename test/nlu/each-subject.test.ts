// One ask of several names, or two families asked of one name: each written out as its own question.
import type { Entity, Intent } from '../../src/nlu/parse';
import { parse } from '../../src/nlu/parse';
import { eachFamily, eachSubject } from '../../src/nlu/questions';

type Asked = Pick<Intent, 'kind' | 'names' | 'text'>;

const ours = (...names: string[]): Entity[] =>
  names.map((n) => ({ text: n, kind: 'workload', matched: `shop/${n}-x`, pods: [`shop/${n}-x`] }));

test('a list of workloads for a one-party ask: the ask once per name, in the order listed', () => {
  const intent: Asked = { kind: 'pod', names: ['web', 'api', 'db-0'], text: 'nodes for web, api and db-0?' };
  expect(eachSubject({ ...intent, entities: ours('web', 'api', 'db-0') })?.map((q) => q.text)).toEqual([
    'nodes for web?',
    'nodes for api?',
    'nodes for db-0?',
  ]);
});

test('names compared, a pair, a word the inventory does not know or a family of two parties stay one question', () => {
  const compared: Asked = {
    kind: 'egress',
    names: ['web', 'db-0'],
    text: 'do web and db-0 leave from the same public ip?',
  };
  expect(eachSubject({ ...compared, entities: ours('web', 'db-0') })).toBeUndefined();
  const pair: Asked = { kind: 'east-west', names: ['web', 'api'], text: 'path for web and api' };
  expect(eachSubject({ ...pair, entities: ours('web', 'api') })).toBeUndefined();
  const unknown: Asked = { kind: 'egress', names: ['web', 'partners'], text: 'egress ip for web and partners' };
  expect(eachSubject({ ...unknown, entities: ours('web') })).toBeUndefined();
});

test('two families said in a word each, of one name: both asked, the one said "first" first', () => {
  expect(eachFamily('pls chk dns + egr 4 sqlapi', parse)?.map((q) => q.kind)).toEqual(['dns', 'egress']);
  expect(eachFamily('egress and DNS for server, DNS first pls', parse)?.map((q) => q.text)).toEqual([
    'dns for server',
    'egress ip of server',
  ]);
  // ("node + IP" is one family's: where a pod runs)
  expect(eachFamily('pod ip + node of web-7d4b9c8f6d-fghij', parse)).toBeUndefined();
});
