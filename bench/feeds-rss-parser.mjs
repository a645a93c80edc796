// The npm rss-parser over the same documents as FeedParseBenchmark (the list it wrote to
// target/bench-feeds-corpus.txt), measured the same way: items/s and MB/s, median of ROUNDS
// rounds after a warm-up round, each round parsing the corpus REPEAT times. rss-parser reads RSS
// and Atom only; documents it rejects are left out and counted.
// Usage: node bench/feeds-rss-parser.mjs ROUNDS REPEAT (run from the project, rss-parser in NODE_PATH)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/target/bench-node/');
const Parser = require('rss-parser');
const rounds = Number(process.argv[2] || 5);
const repeat = Number(process.argv[3] || 20);
const files = readFileSync('target/bench-feeds-corpus.txt', 'utf8').split('\n').filter(Boolean);
const parser = new Parser();
const docs = [];
let rejected = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  try {
    await parser.parseString(text);
    docs.push(text);
  } catch {
    rejected++;
  }
}
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
const ips = [];
const mbs = [];
let items = 0;
for (let round = -1; round < rounds; round++) {
  const start = process.hrtime.bigint();
  items = 0;
  for (let r = 0; r < repeat; r++) {
    for (const d of docs) {
      items += (await parser.parseString(d)).items.length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (round >= 0) {
    ips.push(items / seconds);
    mbs.push((bytes * repeat) / 1e6 / seconds);
  }
}
ips.sort((a, b) => a - b);
mbs.sort((a, b) => a - b);
const line = `rss-parser ${require('rss-parser/package.json').version} on Node ${process.version}: ${docs.length} documents `
  + `(${rejected} it rejects left out), ${(bytes / 1e6).toFixed(2)} MB, ${items / repeat} items per pass x ${repeat}; `
  + `median of ${rounds} rounds: ${Math.round(ips[rounds >> 1]).toLocaleString('en')} items/s, ${mbs[rounds >> 1].toFixed(1)} MB/s`;
console.log(line);
writeFileSync('target/bench-feeds-rss-parser.txt', line + '\n');
