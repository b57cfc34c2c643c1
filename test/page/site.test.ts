/**
 * `desksim page`: the site's files, a refusal to replace what it did not write, and the
 * server — read-only, the site's files and nothing else (traversal, encoded or not, is 404),
 * bound to 127.0.0.1 by default.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveSite } from '../../src/cli/commands/page-site.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

/** A raw GET (or other method) of a path, sent as written: no client-side normalisation. */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const TRAVERSALS = [
  '/../package.json',
  '/..%2fpackage.json',
  '/%2e%2e%2fpackage.json',
  '/%2e%2e/%2e%2e/package.json',
  '/vendor/../../package.json',
  '/..%5cpackage.json',
  '/%2fetc%2fpasswd',
  '//etc/passwd',
  '/vendor/%2e%2e%2findex.html',
  '/%E0%A4%A',
];

describe('desksim page', () => {
  it('writes index.html with the scenarios, the script, the stylesheet and the Vega runtimes', async () => {
    const out = join(temporaryDirectory(), 'site');
    const result = await cli(['page', 'scenarios/baseline.yaml', 'scenarios/gaming/csat-bonus.yaml', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('(2 scenarios)');
    expect(readdirSync(out).sort()).toEqual([
      '.desksim-output',
      'desksim-page.css',
      'desksim-page.js',
      'index.html',
      'vendor',
    ]);
    expect(readdirSync(join(out, 'vendor')).sort()).toEqual(['vega-embed.min.js', 'vega-lite.min.js', 'vega.min.js']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const embedded = JSON.parse(
      /<script type="application\/json" id="desksim-scenarios">(.*?)<\/script>/s.exec(html)![1]!,
    ) as Array<{ id: string; file: string; yaml: string }>;
    expect(embedded.map((scenario) => [scenario.id, scenario.file])).toEqual([
      ['baseline', 'scenarios/baseline.yaml'],
      ['csat-bonus', 'scenarios/gaming/csat-bonus.yaml'],
    ]);
    // Resolved: the child's parent merged in, no extends left for the browser to follow.
    expect(embedded[1]!.yaml).not.toContain('extends');
    expect(embedded[1]!.yaml).toContain('csat_mean');
  });

  it('carries every shipped scenario by default', async () => {
    const out = join(temporaryDirectory(), 'site');
    const result = await cli(['page', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const shipped = ['', 'gaming', 'textbook'].flatMap((folder) =>
      readdirSync(join(root, 'scenarios', folder)).filter((name) => name.endsWith('.yaml')),
    );
    expect(result.stdout).toContain(`(${shipped.length} scenarios)`);
    expect(html).toContain('"id":"gaming/closure-count-bonus"');
  });

  it('refuses to replace a directory it did not write, and writes nothing for a bad scenario', async () => {
    const directory = temporaryDirectory();
    const mine = join(directory, 'notes');
    mkdirSync(mine);
    writeFileSync(join(mine, 'keep.txt'), 'mine');
    const refused = await cli(['page', 'scenarios/baseline.yaml', '--out', mine]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not a page desksim wrote');
    expect(readdirSync(mine)).toEqual(['keep.txt']);

    const bad = join(directory, 'bad.yaml');
    writeFileSync(bad, 'name: bad\ntiers:\n  - { id: desk, agents: -3 }\n');
    const invalid = await cli(['page', bad, '--out', join(directory, 'site')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('tiers.desk.agents');
    expect(existsSync(join(directory, 'site'))).toBe(false);
  });

  it('serves the site read-only and nothing else', async () => {
    const files = new Map([
      ['index.html', Buffer.from('<p>page</p>')],
      ['vendor/vega.min.js', Buffer.from('// vega')],
    ]);
    const server = await serveSite(files, { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await get(server.url, '/')).toEqual({ status: 200, body: '<p>page</p>' });
      expect(await get(server.url, '/index.html?x=1#top')).toEqual({ status: 200, body: '<p>page</p>' });
      expect((await get(server.url, '/vendor/vega.min.js')).status).toBe(200);
      for (const path of TRAVERSALS) expect([path, (await get(server.url, path)).status]).toEqual([path, 404]);
      expect((await get(server.url, '/index.html', 'POST')).status).toBe(405);
      expect((await get(server.url, '/index.html', 'PUT')).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('--serve: the built command serves on 127.0.0.1 until stopped', async () => {
    const out = join(temporaryDirectory(), 'site');
    const child = spawn(
      process.execPath,
      [join(root, 'dist/cli/main.js'), 'page', 'scenarios/baseline.yaml', '--out', out, '--serve', '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /Serving the page at (\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await get(url, '/');
      expect(index.status).toBe(200);
      expect(index.body).toContain('desksim-page.js');
      expect((await get(url, '/../package.json')).status).toBe(404);
      expect((await get(url, '/%2e%2e%2fpackage.json')).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve),
    );
    expect(code).toBe(0);
  });
});
