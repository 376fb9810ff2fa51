// The parts of @kubernetes/client-node the informers use (KubeConfig, Watch, ListWatch and the SDK's HTTP library),
// loaded without its generated API clients and models. The package index evaluates every generated API (about 15 MB
// of source kept in the heap), and so do two of the modules used here: config.js imports gen/index.js for two names,
// cache.js imports the model serializer to serialize label and field selectors, which the informers here never set.
// A module resolution hook, scoped to those two imports, hands them only what they use: about 15 MB of heap and
// 30 MB of RSS less. Where the hook is not there (jest's module runtime, a Node.js without module.registerHooks) or
// the SDK's layout changes, the modules load as published: the same behaviour with more memory.
import * as nodeModule from 'node:module';
import type * as Sdk from '@kubernetes/client-node';

const DIST = '/@kubernetes/client-node/dist/';
const LEAN: Record<string, { specifier: string; url: string; source: string }> = {
  'config.js': {
    specifier: './gen/index.js',
    url: 'gen/lean-index.js',
    source:
      "export { createConfiguration } from './configuration.js';\n" +
      "export { ServerConfiguration } from './servers.js';",
  },
  // ListWatch serializes only its label and field selectors, strings, which the serializer returns unchanged
  'cache.js': {
    specifier: './serializer.js',
    url: 'lean-serializer.js',
    source: 'export const ObjectSerializer = { serialize: (value) => value };',
  },
};

function leanLoading(): void {
  const register = (nodeModule as { registerHooks?: (hooks: object) => unknown }).registerHooks;
  if (typeof register !== 'function') return;
  const sources = new Map<string, string>();
  const hooks = {
    resolve(
      specifier: string,
      context: { parentURL?: string },
      next: (s: string, c: object) => { url: string; format?: string | null },
    ) {
      const parent = context.parentURL ?? '';
      const at = parent.lastIndexOf(DIST);
      const lean = at >= 0 ? LEAN[parent.slice(at + DIST.length)] : undefined;
      if (!lean || specifier !== lean.specifier) return next(specifier, context);
      const url = new URL(lean.url, parent).href;
      sources.set(url, lean.source);
      return { url, format: 'module', shortCircuit: true };
    },
    load(url: string, context: object, next: (u: string, c: object) => unknown) {
      const source = sources.get(url);
      return source === undefined ? next(url, context) : { format: 'module', source, shortCircuit: true };
    },
  };
  try {
    register(hooks);
  } catch {
    // jest refuses module hooks (its sandbox has its own loader): the SDK then loads whole
  }
}

leanLoading();

// loaded after the hook above: deep paths on purpose (the package has no exports map)
const SDK = '@kubernetes/client-node/dist';
export const { KubeConfig } = require(`${SDK}/config.js`) as typeof Sdk;
export const { Watch } = require(`${SDK}/watch.js`) as typeof Sdk;
export const { ListWatch } = require(`${SDK}/cache.js`) as typeof Sdk;
export const { IsomorphicFetchHttpLibrary } = require(`${SDK}/gen/http/isomorphic-fetch.js`) as typeof Sdk;
export const { RequestContext, HttpMethod } = require(`${SDK}/gen/http/http.js`) as typeof Sdk;
export const { ApiException } = require(`${SDK}/gen/apis/exception.js`) as typeof Sdk;

export type KubeConfig = Sdk.KubeConfig;
export type Watch = Sdk.Watch;
export type ListWatch<T extends Sdk.KubernetesObject> = Sdk.ListWatch<T>;
export type KubernetesObject = Sdk.KubernetesObject;
export type Informer<T extends Sdk.KubernetesObject> = Sdk.Informer<T>;
export type ObjectCache<T extends Sdk.KubernetesObject> = Sdk.ObjectCache<T>;
