#!/usr/bin/env node
// Trains the family model (src/nlu/classify.ts) on the labelled questions of test/nlu and writes src/nlu/model.json.
// `npm run train` builds first: each question is read by the compiled parser, as the bot reads it.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { examples, serialize } = require(join(root, 'dist', 'src', 'nlu', 'training.js'));
const { train } = require(join(root, 'dist', 'src', 'nlu', 'classify.js'));

(async () => {
  const started = Date.now();
  const lines = await examples(root);
  const model = train(lines);
  const text = serialize(model);
  writeFileSync(join(root, 'src', 'nlu', 'model.json'), text);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `src/nlu/model.json: ${lines.length} questions, ${model.classes.length} families, ` +
      `${model.features.length} features, ${(text.length / 1024).toFixed(0)} KB, ${seconds} s\n`,
  );
})().catch((e) => {
  process.stderr.write(`train-nlu: ${e.stack ?? e}\n`);
  process.exit(1);
});
