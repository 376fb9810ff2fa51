// ts-jest compiles our TypeScript to CommonJS (see tsconfig.json). A few
// dependencies ship only as ES modules; ts-jest transpiles them too, because
// jest's CommonJS runtime cannot require() ESM.
const esmOnly = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'jsonpath-plus',
  'rfc4648',
  'socks-proxy-agent',
  'agent-base',
  'hpagent',
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.m?js$': [
      'ts-jest',
      {
        tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 30000,
  // both cores of a CI machine (jest's default leaves one to its own process, which only collects results): the suite
  // is CPU-bound (the parser's cross-validation, the fuzzer) and keeps well under ten minutes on two
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/setup/tmp.js',
  globalTeardown: '<rootDir>/test/setup/tmp-teardown.js',
  // keep-alive sockets of the SDKs can outlive the fake servers by a few seconds; never let them hold CI
  forceExit: true,
};
