// The npm rss-parser over the same documents as FeedParseBenchmark (the lists it wrote to
// target/bench-feeds-SET.txt), measured the same way: items/s and MB/s, median of ROUNDS rounds
// after WARMUP seconds of warm-up, each round parsing the set REPEAT times; items per second of
// the process's CPU time too, as the Java side reports them. rss-parser reads RSS
// and Atom only; documents it rejects are left out and counted. Then, per set, the ratio of
// Socius's items/s (from target/bench-feeds-parse.txt) to rss-parser's.
// Usage: node bench/feeds-rss-parser.mjs ROUNDS WARMUP SET:REPEAT... (run from the project)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/target/bench-node/');
const Parser = require('rss-parser');
const rounds = Number(process.argv[2] || 5);
const warmup = Number(process.argv[3] || 3);
const sets = process.argv.slice(4).map((a) => a.split(':'));
const parser = new Parser();
const socius = readFileSync('target/bench-feeds-parse.txt', 'utf8');
const lines = [];

async function pass(docs, repeat) {
  let items = 0;
  for (let r = 0; r < repeat; r++) {
    for (const d of docs) {
      items += (await parser.parseString(d)).items.length;
    }
  }
  return items;
}

for (const [set, repeatText] of sets) {
  const repeat = Number(repeatText);
  const files = readFileSync(`target/bench-feeds-${set}.txt`, 'utf8').split('\n').filter(Boolean);
  const docs = [];
  let rejected = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    try {
      await new Parser().parseString(text); // a fresh one: xml2js can be left broken by a document it rejects
      docs.push(text);
    } catch {
      rejected++;
    }
  }
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(warmup * 1e9));
  while (process.hrtime.bigint() < warmUntil) {
    await pass(docs, 1);
  }
  const ips = [];
  const mbs = [];
  const cpuIps = [];
  let items = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    items = await pass(docs, repeat);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    cpuIps.push(items / ((used.user + used.system) / 1e6));
    ips.push(items / seconds);
    mbs.push((bytes * repeat) / 1e6 / seconds);
  }
  ips.sort((a, b) => a - b);
  mbs.sort((a, b) => a - b);
  cpuIps.sort((a, b) => a - b);
  const median = ips[rounds >> 1];
  const cpuMedian = cpuIps[rounds >> 1];
  const fmt = (n) => Math.round(n).toLocaleString('en');
  lines.push(`rss-parser ${require('rss-parser/package.json').version} on Node ${process.version}, ${set}: ${docs.length} documents `
    + `(${rejected} it rejects left out), ${(bytes / 1e6).toFixed(2)} MB, ${items / repeat} items per pass x ${repeat}; `
    + `median of ${rounds} rounds: ${fmt(median)} items/s, ${mbs[rounds >> 1].toFixed(1)} MB/s, ${fmt(cpuMedian)} items per CPU second`);
  const ours = socius.match(new RegExp(`feeds parse, ${set}: .*?: ([\\d,]+) items/s, .*?, ([\\d,]+) items per CPU second`));
  if (ours) {
    const n = (text) => Number(text.replaceAll(',', ''));
    lines.push(`ratio, ${set}: Socius / rss-parser = ${(n(ours[1]) / median).toFixed(2)} in items/s (${ours[1]} / ${fmt(median)}), `
      + `${(n(ours[2]) / cpuMedian).toFixed(2)} in items per CPU second (${ours[2]} / ${fmt(cpuMedian)})`);
  }
}
console.log(lines.join('\n'));
writeFileSync('target/bench-feeds-rss-parser.txt', lines.join('\n') + '\n');
