// Prints the first-load JavaScript of each page route, uncompressed and gzipped, from the
// build's diagnostics (Next 16 no longer prints sizes). Usage: node --import tsx bench/bundle-size.ts [distDir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
const stats: Array<{ route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] }> = JSON.parse(
  readFileSync(path.join(dist, 'diagnostics', 'route-bundle-stats.json'), 'utf8'),
);

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`route`.padEnd(28), 'first-load JS'.padStart(14), 'gzip'.padStart(12));
for (const s of stats.sort((a, b) => a.route.localeCompare(b.route))) {
  // Chunk paths are relative to the project root and start with the dist dir's name.
  const gz = s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSync(readFileSync(p), { level: 9 }).length, 0);
  console.log(s.route.padEnd(28), kib(s.firstLoadUncompressedJsBytes).padStart(14), kib(gz).padStart(12));
}
