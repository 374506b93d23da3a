// Serves the built site for the browser tests: node scripts/serve-static.ts [dir=dist] [port=4322]
import { startStaticServer } from '../src/build/static-server.ts';

const root = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 4322);
const { origin } = await startStaticServer({ root, port });
console.log(`Serving ${root} on ${origin}`);
