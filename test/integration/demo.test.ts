import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run demo` runs the built CLI (bin/cairn.js → dist/), as on a fresh machine after `npm ci`.
describe('npm run demo', () => {
  it('starts Neo4j, loads the example estate, serves GraphQL and prints example queries', async () => {
    const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    const demo = spawn(process.execPath, ['scripts/demo.js', '--port', '0'], {
      env: { ...process.env, CAIRN_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      demo.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // The last line the demo prints; output may arrive in several chunks.
        if (!out.includes('Ctrl-C stops the server')) return;
        const match = /curl -s (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      demo.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
    });
    expect(out).toMatch(/aws:111122223333: loaded \d+ nodes/);
    expect(out.match(/curl -s /g)).toHaveLength(3);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ node(id: "arn:aws:iam::111122223333:role/OrganizationAdmin") { id } }',
      }),
    });
    expect(await response.json()).toEqual({
      data: { node: { id: 'arn:aws:iam::111122223333:role/OrganizationAdmin' } },
    });
    const exited = new Promise<number | null>((resolve) => demo.on('exit', resolve));
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 240_000);
});
