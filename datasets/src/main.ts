import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemo } from './generate-demo.js';

/** `npm run generate -w @touchstone/datasets -- [--seed N] [--scale X] [--out DIR]`: writes the demo files and prints the manifest. */
const { values } = parseArgs({ options: { seed: { type: 'string' }, scale: { type: 'string' }, out: { type: 'string' } } });
const started = performance.now();
const { files, manifest } = generateDemo({
  seed: values.seed === undefined ? DEFAULT_SEED : Number(values.seed),
  ...(values.scale === undefined ? {} : { scale: Number(values.scale) }),
  ...(values.out === undefined ? {} : { outDir: values.out }),
});
process.stderr.write(`wrote ${files.dir} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
