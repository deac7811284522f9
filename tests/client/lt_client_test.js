// A real LanguageTool client against `wirelint serve`: the npm package language-grammar-api
// (a LanguageTool HTTP API v2 client with a configurable endpoint), unchanged. Starts the
// built binary on a free loopback port, checks languages and a known finding (JavaScript
// strings are UTF-16, so slicing the text with the match's offset and length must give the
// finding back, emoji and all), then sends SIGTERM and expects exit code 0.
//
//   node tests/client/lt_client_test.js path/to/wirelint
//
// Exits 77 (skipped, for ctest) when the client package is not installed: scripts/setup.sh
// installs it into <build>/npm with npm, and ctest passes that folder as NODE_PATH.
'use strict';

const { spawn } = require('child_process');
const assert = require('assert');

let LanguageToolApi;
try {
  LanguageToolApi = require('language-grammar-api');
} catch (e) {
  console.log('skipped: npm package language-grammar-api not installed (bash scripts/setup.sh installs it)');
  process.exit(77);
}

const binary = process.argv[2];
const server = spawn(binary, ['serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const timer = setTimeout(() => fail(new Error('timed out; server said: ' + log)), 60000);

function fail(err) {
  console.error('FAIL:', err && err.stack ? err.stack : err);
  server.kill('SIGKILL');
  process.exit(1);
}

const listening = new Promise((resolve, reject) => {
  server.stderr.on('data', (chunk) => {
    log += chunk;
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', (code) => reject(new Error('server exited early with ' + code + ': ' + log)));
});

(async () => {
  const port = await listening;
  const client = new LanguageToolApi({ endpoint: `http://127.0.0.1:${port}/v2` });

  const languages = await client.languages();
  assert.deepStrictEqual(languages.map((l) => l.longCode), ['en', 'en-US', 'en-GB']);

  const text = 'Officials \u{1F600} said the the plan was ready.';
  const result = await client.check({ text, language: 'en-US' });
  assert.strictEqual(result.software.name, 'wirelint');
  const doubled = result.matches.filter((m) => m.rule.id === 'typography-doubled-word');
  assert.strictEqual(doubled.length, 1, JSON.stringify(result.matches));
  const m = doubled[0];
  assert.strictEqual(m.offset, 18);
  assert.strictEqual(m.length, 7);
  assert.strictEqual(text.substr(m.offset, m.length), 'the the');
  assert.deepStrictEqual(m.replacements, [{ value: 'the' }]);
  assert.strictEqual(m.context.text.substr(m.context.offset, m.context.length), 'the the');

  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGTERM');
  const { code, signal } = await exited;
  assert.strictEqual(signal, null);
  assert.strictEqual(code, 0, 'exit code after SIGTERM');
  clearTimeout(timer);
  console.log('1 passed, 0 failed');
})().catch(fail);
