import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run demo` runs the built CLI (bin/cairn.js → dist/), as on a fresh machine after `npm ci`.
describe('npm run demo', () => {
  it('starts Neo4j, loads the Acme estate, serves GraphQL and prints example queries', async () => {
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
    expect(out).toMatch(/aws:731924568013: loaded \d+ nodes/);
    expect(out).toMatch(/\d+ attack paths in \d+ groups/);
    const examples = [
      ...out.matchAll(/curl -s \S+ -H 'content-type: application\/json' -d '(.*)'$/gm),
    ];
    expect(examples).toHaveLength(3);

    // Every printed example works as printed, and the first shows the planted paths.
    const answers: { data?: Record<string, unknown>; errors?: unknown }[] = [];
    for (const [, body] of examples) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      answers.push((await response.json()) as (typeof answers)[number]);
    }
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const paths = answers[0]?.data?.['attackPaths'] as { totalCount: number };
    expect(paths.totalCount).toBeGreaterThanOrEqual(6);
    const exited = new Promise<number | null>((resolve) => demo.on('exit', resolve));
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 240_000);
});
