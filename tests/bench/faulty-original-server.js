// The original wsmsgbroker server (1.7.2) with faults injected into its deliveries, for the test
// that the bench's correctness counters catch each kind: of the "message" frames it sends, every
// 700th is dropped (lost), every 500th sent twice (duplicated), every 800th sent to another
// connection (misrouted) and every 900th held back until after the next one (out of order).
// Usage: WSMSGBROKER_NODE_MODULE=.../node_modules/wsmsgbroker node faulty-original-server.js
'use strict';
const path = require('path');
const module_ = process.env.WSMSGBROKER_NODE_MODULE;
const Server = require(module_).Server;
const WebSocket = require(path.join(module_, '..', 'ws'));

const send = WebSocket.prototype.send;
let count = 0;
let held = null;
let server = null;
WebSocket.prototype.send = function (data, ...rest) {
    if (typeof data !== 'string' || !data.startsWith('{"action":"message"'))
        return send.call(this, data, ...rest);
    ++count;
    if (count % 700 === 0)
        return;
    if (count % 800 === 0) {
        const sockets = Object.values(server.id2ws).filter((ws) => ws !== this);
        return send.call(sockets[count % sockets.length], data, ...rest);
    }
    if (count % 500 === 0)
        send.call(this, data, ...rest);
    if (count % 900 === 0 && !held) {
        held = [this, data];
        return;
    }
    send.call(this, data, ...rest);
    if (held && held[0] === this) {
        send.call(held[0], held[1], ...rest);
        held = null;
    }
};

server = new Server(0, '/bench');
server.on('error', () => {});
server.wss.on('listening', () =>
    console.log('listening on ws://127.0.0.1:' + server.wss._server.address().port + '/'));
