#!/usr/bin/env node
// Interop test: the ORIGINAL npm client (wsmsgbroker 1.7.2, unchanged) runs the flows of its
// README and of its own test suite against our broker, started here as a separate process.
// Plain Node and node:assert, no test framework. Every check prints one line; the last line is
// "N passed, M failed"; the exit code is non-zero when anything failed.
//
// Usage: node interop.js PATH/TO/wsmsgbroker
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const WSMsgBroker = require('wsmsgbroker');

const CHECK_TIMEOUT_MS = 5000;
// How long to wait to be reasonably sure that something does NOT arrive: many times the
// loopback round trip, small enough to keep the run short.
const QUIET_MS = 300;
const OVERALL_TIMEOUT_MS = 90000;

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node interop.js PATH/TO/wsmsgbroker');
  process.exit(2);
}

let passed = 0;
let failed = 0;
let broker = null;
let brokerStopping = false;
let port = 0;
const clients = [];

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitUntil(predicate, what) {
  while (!predicate()) {
    await sleep(10);
  }
  return what;
}

async function check(name, fn) {
  try {
    await withTimeout(Promise.resolve().then(fn), CHECK_TIMEOUT_MS, name);
    passed++;
    console.log(`ok   ${name}`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${(e && e.message) || e}`);
    return false;
  }
}

function finish() {
  for (const c of clients) {
    try {
      c.close();
    } catch (e) {
      // already closed
    }
  }
  if (broker && broker.exitCode === null && broker.signalCode === null) {
    broker.kill('SIGKILL');
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

process.on('uncaughtException', (e) => {
  failed++;
  console.log(`FAIL uncaught exception: ${(e && e.stack) || e}`);
  finish();
});

setTimeout(() => {
  failed++;
  console.log(`FAIL the whole run took longer than ${OVERALL_TIMEOUT_MS} ms`);
  finish();
}, OVERALL_TIMEOUT_MS).unref();

// Starts `wsmsgbroker --headless --port 0` and resolves with the port of its listening line.
function startBroker() {
  return new Promise((resolve, reject) => {
    broker = spawn(binary, ['--headless', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    broker.on('error', (e) => reject(new Error(`cannot start ${binary}: ${e.message}`)));
    broker.on('exit', (code, signal) => {
      if (!brokerStopping) {
        console.log(`broker exited unexpectedly (code ${code}, signal ${signal})`);
      }
      reject(new Error(`broker exited before listening (code ${code}, signal ${signal})`));
    });
    const lines = readline.createInterface({ input: broker.stdout });
    let first = true;
    lines.on('line', (line) => {
      if (!first) {
        console.log(`broker stdout: ${line}`);
        return;
      }
      first = false;
      const match = /^listening on ws:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
      if (match) {
        resolve(Number(match[1]));
      } else {
        reject(new Error(`unexpected first line: ${JSON.stringify(line)}`));
      }
    });
  });
}

// A client of the original package; records its errors, raw frames and close code.
function newClient(id, room) {
  const c = new WSMsgBroker(id, '127.0.0.1', port, room);
  c.errors = [];
  c.frames = [];
  c.closeCode = null;
  c.on('error', (e) => c.errors.push(e));
  c.on('close', (code) => {
    c.closeCode = code;
  });
  c.conn.on('message', (data) => {
    try {
      c.frames.push(JSON.parse(String(data)));
    } catch (e) {
      c.frames.push({ unparsable: String(data) });
    }
  });
  clients.push(c);
  return c;
}

function registered(c) {
  return new Promise((resolve) => c.once('registered', resolve));
}

// Records every `message` event of a client: [message, response] pairs.
function collect(c) {
  const values = [];
  const handler = (msg, response) => values.push([msg, response]);
  c.on('message', handler);
  return { values, stop: () => c.off('message', handler) };
}

function framesOf(c, action) {
  return c.frames.filter((f) => f.action === action);
}

async function main() {
  const started = await check('broker starts headless and prints its listening line', async () => {
    port = await startBroker();
    assert.ok(port > 0 && port < 65536, `port ${port}`);
  });
  if (!started) {
    finish();
    return;
  }

  // --- The flows of the original's test suite (test/test_client.js, test/test.js), default room.
  let c0;
  let c1;
  let c2;
  await check('register client0 and client1 (default room)', async () => {
    c0 = newClient('client0');
    c1 = newClient('client1');
    await Promise.all([registered(c0), registered(c1)]);
  });

  await check('send [5, 3] with a callback, client1 answers "bar", the callback gets it', async () => {
    const received = new Promise((resolve) => {
      c1.once('message', (msg, response) => {
        response.send('bar');
        resolve(msg);
      });
    });
    const answered = new Promise((resolve) => {
      c0.send([5, 3], 'client1', (from, answer) => resolve({ from, answer }));
    });
    assert.deepEqual(await received, [5, 3]);
    assert.deepEqual(await answered, { from: 'client1', answer: 'bar' });
  });

  await check("send 'potato' to ['client1', 'wrong']: client1 gets it once, no reply", async () => {
    const seen = collect(c1);
    const framesBefore = c0.frames.length;
    c0.send('potato', ['client1', 'wrong']);
    await waitUntil(() => seen.values.length >= 1);
    await sleep(QUIET_MS);
    seen.stop();
    assert.deepEqual(
      seen.values.map(([msg]) => msg),
      ['potato'],
    );
    assert.equal(seen.values[0][1], undefined, 'no response object without a callback');
    assert.equal(c0.frames.length, framesBefore, 'the sender got a frame back');
  });

  await check('an id registered later does not get the earlier message to it', async () => {
    const wrong = newClient('wrong');
    await registered(wrong);
    await sleep(QUIET_MS);
    assert.deepEqual(framesOf(wrong, 'message'), []);
    wrong.close();
  });

  await check("send to ['client1', 'client1'] delivers once", async () => {
    const seen = collect(c1);
    c0.send({ twice: 'named' }, ['client1', 'client1']);
    await waitUntil(() => seen.values.length >= 1);
    await sleep(QUIET_MS);
    seen.stop();
    assert.deepEqual(
      seen.values.map(([msg]) => msg),
      [{ twice: 'named' }],
    );
  });

  await check('register client2 (default room)', async () => {
    c2 = newClient('client2');
    await registered(c2);
  });

  await check('two receivers: the fastest answer wins, the slower never reaches the asker', async () => {
    const got1 = new Promise((resolve) => {
      c1.once('message', (msg, response) => {
        response.send({ bar: 'client1' });
        resolve(msg);
      });
    });
    const slowSent = new Promise((resolve) => {
      c2.once('message', (msg, response) => {
        setTimeout(() => {
          response.send({ bar: 'client2' });
          resolve(msg);
        }, 100);
      });
    });
    const answersBefore = framesOf(c0, 'answer').length;
    const calls = [];
    const firstCall = new Promise((resolve) => {
      c0.send({ foo: 'bar' }, ['client1', 'client2'], (from, answer) => {
        calls.push({ from, answer });
        resolve();
      });
    });
    assert.deepEqual(await got1, { foo: 'bar' });
    assert.deepEqual(await slowSent, { foo: 'bar' });
    await firstCall;
    await sleep(QUIET_MS);
    // The original client keeps its callback after the first answer, so a second answer
    // frame would call it again: exactly one call and one frame means the broker dropped it.
    assert.deepEqual(calls, [{ from: 'client1', answer: { bar: 'client1' } }]);
    assert.equal(framesOf(c0, 'answer').length - answersBefore, 1);
  });

  await check("answers racing at once (test.js): exactly one reaches the asker", async () => {
    const answerSoon = (c, text) =>
      new Promise((resolve) => {
        c.once('message', (msg, response) => {
          setTimeout(() => {
            response.send(text);
            resolve(msg);
          }, 0);
        });
      });
    const sent1 = answerSoon(c1, 'ok1');
    const sent2 = answerSoon(c2, 'ok2');
    const calls = [];
    c0.send([5, 3], ['client1', 'client2', 'foo'], (from, answer) => calls.push({ from, answer }));
    await Promise.all([sent1, sent2]);
    await waitUntil(() => calls.length >= 1);
    await sleep(QUIET_MS);
    assert.equal(calls.length, 1, JSON.stringify(calls));
    const expected = { client1: 'ok1', client2: 'ok2' };
    assert.equal(calls[0].answer, expected[calls[0].from], JSON.stringify(calls[0]));
  });

  const values = [
    { complex: 'thing' },
    {},
    [],
    '',
    'Hi there',
    0,
    1,
    -1,
    3.14159,
    -2.5e-7,
    1e300,
    2 ** 53 - 1,
    true,
    false,
    null,
    [1, 'two', { three: [3] }, null, false, 0.5],
    { a: { b: { c: { d: { e: [[[[]]]] } } } } },
    'héllo wörld – 世界 – 🎉 – \u2028\u2029',
    'quotes " backslash \\ slash / controls \n\r\t\b\f nul \u0000 end',
    { 'key with "quotes"': 'v', ключ: 'значение', '': 'empty key', '🎉': ['emoji key'] },
    Array.from({ length: 1000 }, (_, i) => i * 7),
    'x'.repeat(100000),
  ];

  await check(`messages of every JSON type arrive deep-equal and in order (${values.length})`, async () => {
    const seen = collect(c1);
    for (const v of values) {
      c0.send(v, 'client1');
    }
    await waitUntil(() => seen.values.length >= values.length);
    await sleep(QUIET_MS);
    seen.stop();
    assert.deepStrictEqual(
      seen.values.map(([msg]) => msg),
      values,
    );
  });

  await check('answers carry every JSON type unchanged', async () => {
    const echo = (msg, response) => response.send(msg);
    c1.on('message', echo);
    try {
      for (const v of values) {
        const answer = await new Promise((resolve) => {
          c0.send(v, 'client1', (from, a) => resolve({ from, a }));
        });
        assert.equal(answer.from, 'client1');
        assert.deepStrictEqual(answer.a, v);
      }
    } finally {
      c1.off('message', echo);
    }
  });

  // --- The README's example, in room "foo", with the same ids as the default room.
  let f0;
  let f1;
  await check('README: client0 and client1 register in room "foo" beside the default room', async () => {
    f0 = newClient('client0', 'foo');
    f1 = newClient('client1', 'foo');
    await Promise.all([registered(f0), registered(f1)]);
    await sleep(QUIET_MS);
    for (const c of [c0, c1, c2]) {
      assert.deepEqual(framesOf(c, 'unregistered'), [], `${c.id} in the default room`);
    }
  });

  await check('README: "Hi there" answered "Hi to you too, sir.", then {complex: "thing"}', async () => {
    const defaultRoomBefore = framesOf(c1, 'message').length;
    const seen = collect(f1);
    const answerHandler = (msg, response) => {
      if (response) {
        response.send('Hi to you too, sir.');
      }
    };
    f1.on('message', answerHandler);
    try {
      const answer = await new Promise((resolve) => {
        f0.send('Hi there', 'client1', (from, a) => resolve({ from, a }));
      });
      assert.deepEqual(answer, { from: 'client1', a: 'Hi to you too, sir.' });
      f0.send({ complex: 'thing' }, 'client1');
      await waitUntil(() => seen.values.length >= 2);
      await sleep(QUIET_MS);
    } finally {
      seen.stop();
      f1.off('message', answerHandler);
    }
    assert.equal(seen.values.length, 2);
    assert.equal(seen.values[0][0], 'Hi there');
    assert.equal(typeof seen.values[0][1].send, 'function', 'a response object with the callback');
    assert.deepEqual(seen.values[1][0], { complex: 'thing' });
    assert.equal(seen.values[1][1], undefined, 'no response object without a callback');
    assert.equal(framesOf(c1, 'message').length, defaultRoomBefore, 'reached the default room');
  });

  await check('a second room is isolated from the first', async () => {
    const bob = newClient('bob', 'bar');
    const barClient1 = newClient('client1', 'bar');
    await Promise.all([registered(bob), registered(barClient1)]);
    const before = [c0, c1, c2, f0, f1].map((c) => framesOf(c, 'message').length);
    f0.send('for bob?', 'bob');
    c0.send('for bob?', ['bob']);
    bob.send('only in bar', ['client0', 'client1', 'client2']);
    await waitUntil(() => framesOf(barClient1, 'message').length >= 1);
    await sleep(QUIET_MS);
    assert.deepEqual(framesOf(bob, 'message'), [], 'bob got a message from another room');
    assert.deepEqual(
      framesOf(barClient1, 'message').map((f) => [f.from, f.message]),
      [['bob', 'only in bar']],
    );
    const after = [c0, c1, c2, f0, f1].map((c) => framesOf(c, 'message').length);
    assert.deepEqual(after, before, 'a message crossed rooms');
  });

  await check("unregister: the 'unregistered' event carries the id", async () => {
    const id = await new Promise((resolve) => {
      c0.once('unregistered', resolve);
      c0.unregister();
    });
    assert.equal(id, 'client0');
  });

  await check('after unregister the id no longer receives, and can be taken again', async () => {
    const messagesBefore = framesOf(c0, 'message').length;
    c1.send('to nobody', 'client0');
    await sleep(QUIET_MS);
    assert.equal(framesOf(c0, 'message').length, messagesBefore);
    const again = newClient('client0');
    await registered(again);
    const got = new Promise((resolve) => again.once('message', resolve));
    c1.send('to the new client0', 'client0');
    assert.equal(await got, 'to the new client0');
    await sleep(QUIET_MS);
    assert.equal(framesOf(c0, 'message').length, messagesBefore);
    assert.deepEqual(framesOf(c0, 'unregistered').length, 1);
  });

  await check('closing a client releases its id', async () => {
    await new Promise((resolve) => {
      f1.once('close', resolve);
      f1.close();
    });
    const next = newClient('client1', 'foo');
    await registered(next);
    const got = new Promise((resolve) => next.once('message', resolve));
    f0.send('to the next client1', 'client1');
    assert.equal(await got, 'to the next client1');
  });

  await check('no client of the original package reported an error', async () => {
    const errors = clients.flatMap((c) => c.errors.map((e) => `${c.id}: ${e.message}`));
    assert.deepEqual(errors, []);
  });

  await check('SIGTERM: clients get close code 1001 and the broker exits 0', async () => {
    const open = clients.filter((c) => c.closeCode === null);
    assert.ok(open.length > 0);
    brokerStopping = true;
    const exited = new Promise((resolve) => {
      broker.once('exit', (code, signal) => resolve({ code, signal }));
    });
    broker.kill('SIGTERM');
    assert.deepEqual(await exited, { code: 0, signal: null });
    await waitUntil(() => open.every((c) => c.closeCode !== null));
    assert.deepEqual(
      [...new Set(open.map((c) => c.closeCode))],
      [1001],
    );
  });

  finish();
}

main();
