#!/usr/bin/env node
// `npm run demo`: start the local Neo4j (unless NEO4J_URI is set), load the Acme demo estate
// (seed/acme/README.md), analyze it, and serve GraphQL, printing where and what to ask. Ctrl-C
// stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../bin/cairn.js', import.meta.url));
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? process.argv[portArg + 1] : (process.env.CAIRN_DEMO_PORT ?? '4000');

function step(title, args) {
  console.log(`\n▸ ${title}: cairn ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `demo: "cairn ${args.join(' ')}" failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}

if (!process.env.NEO4J_URI) step('Start the local Neo4j', ['neo4j', 'start']);
const acme = 'seed/acme';
step('Load the Acme organization', ['import', 'aws-org', `${acme}/org`]);
step('Load its IAM', ['import', 'aws-authz', `${acme}/iam`]);
step('Load its networks', [
  'import',
  'aws-ec2',
  `${acme}/ec2/acme-prod-eu-west-1`,
  `${acme}/ec2/acme-dev-eu-west-1`,
]);
step('Load its storage, functions and keys', ['import', 'aws-snapshot', `${acme}/snapshots`]);
step('Analyze', ['analyze']);

const examples = [
  '{ attackPaths(first: 5, filter: {grouped: true}) { totalCount edges { node { score band source { id } target { id } steps { technique to { id } fixes { summary } } } } } }',
  '{ whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::acme-prod-customer-pii/export.csv") { principal { id } via } }',
  '{ principal(id: "arn:aws:iam::731924568013:role/storefront-web") { isAdmin escalationPaths(maxHops: 6) { target { id } steps { technique actions } } } }',
];

// The server prints its URL once it listens; the examples follow with that URL.
const server = spawn(process.execPath, [cli, 'serve', '--port', port], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let printed = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = /(http:\/\/\S+\/graphql)/.exec(String(chunk))?.[1];
  if (!url || printed) return;
  printed = true;
  console.log('\nTry:');
  for (const query of examples) {
    console.log(
      `  curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify({ query })}'`,
    );
  }
  console.log('\nCtrl-C stops the server (the local Neo4j keeps running: `npx cairn neo4j stop`).');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
