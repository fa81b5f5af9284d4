// A throwaway PostgreSQL cluster for tests (scripts/lib/pg-cluster.ts):
//   eval "$(node --import tsx scripts/pg.ts start)"   # exports DATABASE_URL and PG_DIR
//   node --import tsx scripts/pg.ts stop "$PG_DIR"     # stops it and deletes everything
import { startCluster, stopCluster } from './lib/pg-cluster';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, arg] = process.argv.slice(2);
try {
  if (command === 'start') {
    const { dir, port, url } = await startCluster();
    console.error(
      `PostgreSQL running on 127.0.0.1:${port} (data in ${dir}). Stop it with: node --import tsx scripts/pg.ts stop ${dir}`,
    );
    console.log(`export PG_DIR=${dir}`);
    console.log(`export DATABASE_URL=${url}`);
  } else if (command === 'stop') stopCluster(arg);
  else fail('Usage: node --import tsx scripts/pg.ts start | stop <PG_DIR>');
} catch (e) {
  fail((e as Error).message);
}
