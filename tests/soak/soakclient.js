'use strict';
// Soak client for scripts/soak.sh: keeps N original wsmsgbroker clients (npm wsmsgbroker
// 1.7.2) exchanging messages with and without acks while some of them keep disconnecting and
// coming back, for a given time. Every message sent to a client that is registered and not
// leaving must arrive, once, in order; every ask must get its answer unless its asker left.
// Prints one JSON line of counters every 10 s and a final one; exits 1 when anything was lost.
//
// usage: node soakclient.js HOST PORT SECONDS [CLIENTS]
// NODE_PATH must let require('wsmsgbroker') resolve.

const Client = require('wsmsgbroker');

const [host, portText, secondsText, clientsText] = process.argv.slice(2);
const port = Number(portText);
const durationMs = Number(secondsText) * 1000;
const clientCount = Number(clientsText || 1000);
const sendIntervalMs = 1000; // each client sends to its partner once a second
const churnIntervalMs = 50; // one client leaves (and comes back) this often
const leaveDrainMs = 300; // a leaving client still receives for this long before it closes

const stats = {
  connects: 0, closes: 0, sent: 0, received: 0, lost: 0, duplicated: 0, reordered: 0,
  asks: 0, answers: 0, abandonedAsks: 0, errors: 0, unexpectedCloses: 0,
};
const slots = [];

function partnerOf(i) { return (i + 1) % clientCount; }
function idOf(i) { return 'soak-' + i; }

function connect(i) {
  const slot = slots[i] || (slots[i] = { i, nextSeq: {}, expectSeq: {}, pendingAsks: 0 });
  slot.available = false;
  slot.leaving = false;
  slot.client = new Client(idOf(i), host, port);
  const client = slot.client;
  stats.connects++;
  client.on('registered', () => { if (slot.client === client) slot.available = true; });
  client.on('message', (msg, reply) => {
    if (slot.client !== client) return;
    stats.received++;
    const from = msg.from;
    const expected = slot.expectSeq[from];
    // A sender's sequence restarts when it reconnects (epoch); within one epoch it must be
    // exactly the next one.
    const key = from + '#' + msg.epoch;
    if (expected && expected.key === key) {
      if (msg.seq === expected.seq) {
        expected.seq++;
      } else if (msg.seq < expected.seq) {
        stats.duplicated++;
      } else {
        stats.reordered++;
        expected.seq = msg.seq + 1;
      }
    } else {
      slot.expectSeq[from] = { key, seq: msg.seq + 1 };
    }
    if (reply) reply.send({ ok: msg.seq });
  });
  client.on('error', () => { stats.errors++; });
  client.on('close', () => {
    stats.closes++;
    if (!slot.leaving && slot.client === client && !finished) stats.unexpectedCloses++;
  });
  slot.epoch = (slot.epoch || 0) + 1;
  slot.sentSeq = 0;
}

function sendFrom(slot) {
  if (!slot.available || slot.leaving) return;
  const target = slots[partnerOf(slot.i)];
  if (!target || !target.available || target.leaving) return;
  const message = { from: idOf(slot.i), epoch: slot.epoch, seq: slot.sentSeq++,
                    pad: 'x'.repeat(64 + (slot.sentSeq % 512)) };
  stats.sent++;
  target.expectedCount = (target.expectedCount || 0) + 1;
  if (slot.sentSeq % 2 === 0) {
    stats.asks++;
    slot.pendingAsks++;
    const client = slot.client;
    client.send(message, idOf(target.i), () => {
      if (slot.client !== client) return;
      slot.pendingAsks--;
      stats.answers++;
    });
  } else {
    slot.client.send(message, idOf(target.i));
  }
}

// Leave: first stop being a target and stop sending, let what is in flight arrive, then close
// and come back.
function churn() {
  const slot = slots[Math.floor(Math.random() * clientCount)];
  if (!slot || !slot.available || slot.leaving) return;
  slot.leaving = true;
  setTimeout(() => {
    stats.abandonedAsks += slot.pendingAsks;
    slot.pendingAsks = 0;
    const old = slot.client;
    old.close();
    old.on('close', () => setTimeout(() => connect(slot.i), 20));
  }, leaveDrainMs);
}

let finished = false;
const started = Date.now();
for (let i = 0; i < clientCount; ++i) connect(i);

// Spread the sends over the second.
const senders = setInterval(() => {
  const now = Date.now();
  for (const slot of slots) {
    if (!slot.lastSend) slot.lastSend = now - Math.random() * sendIntervalMs;
    if (now - slot.lastSend >= sendIntervalMs) {
      slot.lastSend = now;
      sendFrom(slot);
    }
  }
}, 20);
const churner = setInterval(churn, churnIntervalMs);

function report(final) {
  const inFlightReceived = slots.reduce((n, s) => n + (s.expectedCount || 0), 0);
  const line = Object.assign({ t: Math.round((Date.now() - started) / 1000), final: !!final,
    connected: slots.filter((s) => s.available).length }, stats,
    { missing: inFlightReceived - stats.received });
  console.log(JSON.stringify(line));
}
const reporter = setInterval(() => report(false), 10000);

setTimeout(() => {
  clearInterval(senders);
  clearInterval(churner);
  // Let everything in flight arrive, then count.
  setTimeout(() => {
    finished = true;
    clearInterval(reporter);
    const expected = slots.reduce((n, s) => n + (s.expectedCount || 0), 0);
    stats.lost = expected - stats.received;
    const unanswered = stats.asks - stats.answers - stats.abandonedAsks;
    report(true);
    const ok = stats.lost === 0 && stats.duplicated === 0 && stats.reordered === 0 &&
      unanswered === 0 && stats.unexpectedCloses === 0;
    if (!ok) {
      console.error('soak client: lost ' + stats.lost + ', duplicated ' + stats.duplicated +
        ', reordered ' + stats.reordered + ', unanswered asks ' + unanswered +
        ', unexpected closes ' + stats.unexpectedCloses);
    }
    for (const slot of slots) slot.client.close();
    setTimeout(() => process.exit(ok ? 0 : 1), 500);
  }, 2000);
}, durationMs);
