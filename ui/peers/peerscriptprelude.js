// The API a peer script sees, built on the native bridge (PeerScript's Q_INVOKABLE methods).
// Evaluated before the script (Qt 6.4's engine has no globalThis: the global object is passed
// in); returns the function through which the bridge delivers events.
// Messages cross the bridge as JSON text, so a script gets and sends plain JavaScript values.
(function (bridge, globalThis) {
    'use strict';
    const clients = new Map(); // handle -> Client
    const timers = new Map();  // timer id -> { fn, repeat }
    const asks = new Map();    // ack -> callback(message, from)

    function toJson(value, what) {
        const text = JSON.stringify(value === undefined ? null : value);
        if (text === undefined)
            throw new TypeError(what + ' cannot be sent as JSON');
        return text;
    }

    function format(value) {
        if (typeof value === 'string')
            return value;
        try {
            const text = JSON.stringify(value);
            return text === undefined ? String(value) : text;
        } catch (e) {
            return String(value);
        }
    }

    class Client {
        constructor(handle, id, room) {
            this.id = id;
            this.room = room;
            this._handle = handle;
            this._handlers = {};
        }
        // Events: "message" (message, from, answer), "registered" (id), "error" (code, reason),
        // "close" (why).
        on(event, fn) {
            if (typeof fn !== 'function')
                throw new TypeError('on("' + event + '", ...) needs a function');
            if (!['message', 'registered', 'error', 'close'].includes(event))
                throw new TypeError('unknown event "' + event + '" (message, registered, error, close)');
            (this._handlers[event] = this._handlers[event] || []).push(fn);
            return this;
        }
        // send(message, to[, onAnswer]): to is an id or an array of ids; with onAnswer the
        // message carries an ack and onAnswer(message, from) gets the first answer.
        send(message, to, onAnswer) {
            const dest = Array.isArray(to) ? to.map(String) : [String(to)];
            if (dest.length === 0 || dest.some(id => id.length === 0))
                throw new TypeError('send() needs a destination id');
            const asking = typeof onAnswer === 'function';
            const ack = bridge.send(this._handle, toJson(message, 'the message'), dest, asking);
            if (asking)
                asks.set(ack, onAnswer);
            return this;
        }
        close() {
            bridge.closeClient(this._handle);
        }
        _emit(event, args) {
            for (const fn of this._handlers[event] || [])
                fn.apply(this, args);
        }
    }

    globalThis.client = function (id, room) {
        if (typeof id !== 'string' || id.length === 0)
            throw new TypeError('client(id, room) needs a non-empty id');
        room = room === undefined ? '/' : String(room);
        const handle = bridge.createClient(id, room);
        const c = new Client(handle, id, room);
        clients.set(handle, c);
        return c;
    };

    function addTimer(fn, ms, repeat) {
        if (typeof fn !== 'function')
            throw new TypeError((repeat ? 'setInterval' : 'setTimeout') + ' needs a function');
        const id = bridge.startTimer(Math.max(0, Number(ms) || 0), repeat);
        timers.set(id, { fn, repeat });
        return id;
    }
    function clearTimer(id) {
        if (timers.delete(id))
            bridge.stopTimer(id);
    }
    globalThis.setTimeout = (fn, ms) => addTimer(fn, ms, false);
    globalThis.setInterval = (fn, ms) => addTimer(fn, ms, true);
    globalThis.clearTimeout = clearTimer;
    globalThis.clearInterval = clearTimer;
    globalThis.console = {
        log: (...args) => bridge.log(args.map(format).join(' ')),
        info: (...args) => bridge.log(args.map(format).join(' ')),
        warn: (...args) => bridge.log(args.map(format).join(' ')),
        error: (...args) => bridge.log(args.map(format).join(' ')),
    };

    return function dispatch(kind, handle, a, b, c) {
        switch (kind) {
        case 'timer': {
            const timer = timers.get(handle);
            if (!timer)
                return;
            if (!timer.repeat)
                timers.delete(handle);
            timer.fn();
            return;
        }
        case 'answer': { // a: ack, b: from, c: message
            const fn = asks.get(a);
            asks.delete(a);
            if (fn)
                fn(JSON.parse(c), b);
            return;
        }
        }
        const client = clients.get(handle);
        if (!client)
            return;
        switch (kind) {
        case 'message': { // a: message, b: from, c: ack
            let answered = false;
            const answer = value => {
                if (!c || answered)
                    return false;
                answered = true;
                bridge.answer(handle, c, toJson(value, 'the answer'));
                return true;
            };
            client._emit('message', [JSON.parse(a), b, answer]);
            return;
        }
        case 'registered':
            client._emit('registered', [a]);
            return;
        case 'error':
            client._emit('error', [a, b]);
            return;
        case 'close':
            clients.delete(handle);
            client._emit('close', [a]);
            return;
        }
    };
})
