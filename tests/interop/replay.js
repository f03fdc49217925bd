#!/usr/bin/env node
// Interop test of --replay (issue 14): the ORIGINAL npm client (wsmsgbroker 1.7.2) records a
// conversation through our headless broker (--record), then takes the part of one recorded
// client ("warehouse") against a replay of it (--replay --live warehouse), once as recorded
// (exit 0) and once answering differently (exit 1, the difference named).
//
// Usage: node replay.js PATH/TO/wsmsgbroker
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const WSMsgBroker = require('wsmsgbroker');

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node replay.js PATH/TO/wsmsgbroker');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsmsgbroker-replay-'));
const capture = path.join(dir, 'orders.wscap');

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Starts the broker; resolves with { child, port, output(), exited }.
function startBroker(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--lang', 'en', '--headless', '--port', '0', ...args]);
    let out = '';
    let err = '';
    const exited = new Promise((done) => child.on('exit', (code) => done(code)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]), output: () => out + err, exited });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    exited.then((code) => reject(new Error(`broker exited with ${code}: ${out}${err}`)));
  });
}

function connect(id, port, room) {
  return new Promise((resolve) => {
    const client = new WSMsgBroker(id, '127.0.0.1', port, room);
    client.on('error', () => {});
    client.on('registered', () => resolve(client));
  });
}

// The warehouse: answers every order with its quantity (plus skew) and, after the third, tells
// the shop that stock is low. The same code records and takes the live part in the replay.
function warehouse(client, skew) {
  let orders = 0;
  client.on('message', (message, response) => {
    orders++;
    if (response) response.send({ ok: true, id: message.id, qty: message.qty + skew });
    if (orders === 3) client.send({ stock: 'low' }, 'shop');
  });
}

async function record() {
  const broker = await startBroker(['--record', capture]);
  const house = await connect('warehouse', broker.port, '/orders');
  warehouse(house, 0);
  const shop = await connect('shop', broker.port, '/orders');
  let stockNews = 0;
  shop.on('message', () => { stockNews++; });
  for (let n = 1; n <= 5; n++) {
    await new Promise((resolve) => shop.send({ id: n, qty: n * 2 }, 'warehouse', resolve));
  }
  while (stockNews < 1) await sleep(10);
  await sleep(100);
  broker.child.kill('SIGTERM');
  assert.equal(await broker.exited, 0);
  assert.ok(fs.statSync(capture).size > 0, 'no capture written');
}

async function replayWithLiveWarehouse(skew) {
  const broker = await startBroker(['--replay', capture, '--live', 'warehouse', '--timing', 'input',
                                    '--timeout', '20']);
  const house = await connect('warehouse', broker.port, '/orders');
  warehouse(house, skew);
  const code = await broker.exited;
  return { code, output: broker.output() };
}

(async () => {
  let failed = 0;
  const check = async (name, fn) => {
    try {
      await fn();
      console.log(`ok   ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.stack || e}`);
    }
  };
  await check('the npm clients record a conversation', record);
  await check('a live npm warehouse that answers as recorded matches the replay', async () => {
    const { code, output } = await replayWithLiveWarehouse(0);
    assert.equal(code, 0, output);
    assert.match(output, /replay: \d+ frames matched, 0 differing, 0 missing, 0 extra/);
  });
  await check('a live npm warehouse that answers differently fails it, naming the path', async () => {
    const { code, output } = await replayWithLiveWarehouse(1);
    assert.equal(code, 1, output);
    assert.match(output, /warehouse sent #1 \(answer\) at [\d.]+ s into the recording: message\.qty: expected 2, got 3/);
  });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(failed ? `${failed} failed` : 'all passed');
  process.exit(failed ? 1 : 0);
})();
