// A small wsmsgbroker-protocol broker on Bun's WebSocket server (Bun.serve, uWebSockets inside),
// the comparison point of scripts/bench-compare.sh --bun: what a speed-minded engineer would
// write instead of using this project. It follows the wire protocol (this project's broker is the
// reference where the protocol page is silent): rooms are URL paths, register
// (takeover of a held id), unregister, send to one id or an array of ids (each distinct id
// once), acks answered "fastest wins" by a recipient only, and the error frames of this
// project's broker, with the same default limits. JSON.parse and JSON.stringify per frame, as
// such a broker would be written; no observation, which ours does on top.
//
// Usage: bun bun-broker.js [PORT]   (PORT 0 or none: a free one; prints "listening on ws://...")
'use strict';

const port = Number(process.argv[2] || process.env.PORT || 0);
const maxIdBytes = 256;
const maxDestinations = 1000;
const maxMessageBytes = 1024 * 1024;
const maxQueuedBytes = 16 * 1024 * 1024;
const maxConnections = 10000;
const maxPendingAcksPerConnection = 10000;
const maxPendingAcks = 1000000;
const ackTtlMs = 60 * 60 * 1000;

// room name -> { clients: Map(id -> ws), connections: number }; a room lives while a
// connection is in it.
const rooms = new Map();
// room + "\0" + ack -> { asker, recipients: [ws], deadline }; insertion order is age order (a
// reused ack is deleted and inserted again), so expiry and the global bound take the front.
const acks = new Map();
let connections = 0;

function errorFrame(code, reason, ack) {
    const frame = { action: 'error', code, reason };
    if (typeof ack === 'string') frame.ack = ack;
    return JSON.stringify(frame);
}

function typeName(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'an array';
    switch (typeof v) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    default: return 'an object';
    }
}

function fieldError(member, expected, value) {
    if (value === undefined) return `"${member}" is missing`;
    return `"${member}" must be ${expected}, not ${typeName(value)}`;
}

function forgetAck(key, entry) {
    acks.delete(key);
    entry.asker.data.acks.delete(key);
}

function releaseId(ws, notify) {
    const d = ws.data;
    if (d.id === null) return;
    const room = d.room;
    if (room.clients.get(d.id) === ws) room.clients.delete(d.id);
    const id = d.id;
    d.id = null;
    if (notify && !d.closed) ws.send(JSON.stringify({ action: 'unregistered', id }));
}

function register(ws, req) {
    const d = ws.data;
    const id = req.id;
    if (typeof id !== 'string') {
        ws.send(errorFrame('invalid-field', fieldError('id', 'a non-empty string', id), req.ack));
        return;
    }
    if (id.length === 0) {
        ws.send(errorFrame('invalid-field', '"id" must not be empty', req.ack));
        return;
    }
    if (Buffer.byteLength(id) > maxIdBytes) {
        ws.send(errorFrame('invalid-field', `"id" is longer than ${maxIdBytes} bytes`, req.ack));
        return;
    }
    if (d.id !== id) {
        const holder = d.room.clients.get(id);
        if (holder) releaseId(holder, true); // the newcomer takes the id over
        releaseId(ws, false);                // a rename: the old id goes silently
        d.id = id;
        d.room.clients.set(id, ws);
    }
    ws.send(JSON.stringify({ action: 'registered', id }));
}

function send(ws, req) {
    const d = ws.data;
    const ack = req.ack;
    if (d.id === null) {
        ws.send(errorFrame('not-registered', 'register before sending', ack));
        return;
    }
    if (ack !== undefined && typeof ack !== 'string') {
        ws.send(errorFrame('invalid-field', fieldError('ack', 'a string', ack)));
        return;
    }
    let dest = req.dest;
    if (typeof dest === 'string') {
        dest = [dest];
    } else if (Array.isArray(dest)) {
        for (let i = 0; i < dest.length; ++i) {
            if (typeof dest[i] !== 'string') {
                ws.send(errorFrame('invalid-field', '"dest" must hold only strings', ack));
                return;
            }
            if (i >= maxDestinations) {
                ws.send(errorFrame('too-many-destinations',
                    `"dest" names more than ${maxDestinations} ids`, ack));
                return;
            }
        }
    } else {
        ws.send(errorFrame('invalid-field',
            fieldError('dest', 'a string or an array of strings', dest), ack));
        return;
    }
    if (req.message === undefined) {
        ws.send(errorFrame('invalid-field', '"message" is missing', ack));
        return;
    }
    const out = { action: 'message', message: req.message };
    if (ack !== undefined) out.ack = ack;
    out.from = d.id;
    const frame = JSON.stringify(out);
    const clients = d.room.clients;
    const recipients = ack !== undefined ? [] : null;
    const seen = dest.length > 1 ? new Set() : null;
    for (let i = 0; i < dest.length; ++i) {
        const to = dest[i];
        if (seen !== null) {
            if (seen.has(to)) continue;
            seen.add(to);
        }
        if (d.closed) break;
        const target = clients.get(to);
        if (target === undefined || target.data.closed) continue; // unknown ids: no reply
        target.send(frame);
        if (recipients !== null) recipients.push(target);
    }
    if (recipients !== null && recipients.length > 0 && !d.closed) remember(ws, ack, recipients);
}

function remember(ws, ack, recipients) {
    const d = ws.data;
    const key = d.roomName + '\0' + ack;
    const old = acks.get(key);
    if (old !== undefined) forgetAck(key, old); // a reused ack replaces the old ask
    while (d.acks.size >= maxPendingAcksPerConnection) {
        const oldest = d.acks.keys().next().value;
        forgetAck(oldest, acks.get(oldest));
    }
    while (acks.size >= maxPendingAcks) {
        const [oldest, entry] = acks.entries().next().value;
        forgetAck(oldest, entry);
    }
    acks.set(key, { asker: ws, recipients, deadline: Date.now() + ackTtlMs });
    d.acks.add(key);
}

function answer(ws, req) {
    const d = ws.data;
    const ack = req.ack;
    if (d.id === null) {
        ws.send(errorFrame('not-registered', 'register before answering', ack));
        return;
    }
    if (typeof ack !== 'string') {
        ws.send(errorFrame('invalid-field', fieldError('ack', 'a string', ack)));
        return;
    }
    // Unknown or expired acks, answers from non-recipients and late answers: dropped silently.
    const key = d.roomName + '\0' + ack;
    const entry = acks.get(key);
    if (entry === undefined || !entry.recipients.includes(ws)) return;
    forgetAck(key, entry);
    if (entry.asker.data.closed) return;
    const out = { action: 'answer', ack, from: d.id };
    if (req.message !== undefined) out.message = req.message;
    entry.asker.send(JSON.stringify(out));
}

function handle(ws, text) {
    let req;
    try {
        req = JSON.parse(text);
    } catch (e) {
        ws.send(errorFrame('invalid-json', e.message));
        return;
    }
    if (req === null || typeof req !== 'object' || Array.isArray(req)) {
        ws.send(errorFrame('not-an-object', 'the frame must be a JSON object'));
        return;
    }
    const action = req.action;
    switch (action) {
    case 'send': send(ws, req); return;
    case 'answer': answer(ws, req); return;
    case 'register': register(ws, req); return;
    case 'unregister': releaseId(ws, true); return; // not registered: ignored
    }
    if (typeof action !== 'string')
        ws.send(errorFrame('invalid-field', fieldError('action', 'a string', action), req.ack));
    else
        ws.send(errorFrame('unknown-action', `unknown action "${action.slice(0, 64)}"`, req.ack));
}

const server = Bun.serve({
    hostname: '127.0.0.1',
    port,
    fetch(req, srv) {
        const path = new URL(req.url).pathname;
        const roomName = path === '' ? '/' : path;
        if (srv.upgrade(req, { data: { roomName, room: null, id: null, closed: false, acks: new Set() } }))
            return undefined;
        return new Response('a WebSocket broker: connect with ws://\n', { status: 426 });
    },
    websocket: {
        maxPayloadLength: maxMessageBytes,  // larger: closed with 1009
        backpressureLimit: maxQueuedBytes,  // a slow consumer past it is closed
        closeOnBackpressureLimit: true,
        idleTimeout: 60,                    // pings keep idle connections checked
        perMessageDeflate: false,
        open(ws) {
            const d = ws.data;
            if (connections >= maxConnections) {
                d.closed = true;
                ws.close(1008, 'too many connections');
                return;
            }
            ++connections;
            let room = rooms.get(d.roomName);
            if (room === undefined) {
                room = { clients: new Map(), connections: 0 };
                rooms.set(d.roomName, room);
            }
            ++room.connections;
            d.room = room;
        },
        message(ws, message) {
            if (ws.data.closed) return;
            if (typeof message !== 'string') {
                ws.send(errorFrame('binary-not-supported', 'binary frames are not supported; send JSON as text'));
                return;
            }
            handle(ws, message);
        },
        close(ws) {
            const d = ws.data;
            if (d.room === null) return; // refused in open()
            d.closed = true;
            releaseId(ws, false);
            for (const key of d.acks) acks.delete(key);
            d.acks.clear();
            --connections;
            if (--d.room.connections === 0) rooms.delete(d.roomName);
            d.room = null;
        },
    },
});

// Asks past their time to live are forgotten; the oldest are at the front.
setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of acks) {
        if (entry.deadline > now) break;
        forgetAck(key, entry);
    }
}, 1000);

console.log(`listening on ws://127.0.0.1:${server.port}/`);
