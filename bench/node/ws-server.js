// Baseline: Node's `ws` broadcast server with no room logic, the same wire shape as RawJettyServer.
// A text frame carrying an "id" bumps the room's counter; every socket of the room gets a pre-written room view of
// the real app's size, then the sender gets an ack. GET /stats answers the heap after a full GC (run with --expose-gc).
// Usage: node --expose-gc ws-server.js <leader-view.json> <member-view.json>   (Debian: apt-get install node-ws)
'use strict';
const fs = require('fs');
const http = require('http');
const readline = require('readline');
let WebSocketServer;
try { WebSocketServer = require('ws').WebSocketServer; } catch (e) { WebSocketServer = require('/usr/share/nodejs/ws').WebSocketServer; }

const leaderRoom = fs.readFileSync(process.argv[2], 'utf8');
const memberRoom = fs.readFileSync(process.argv[3], 'utf8');
const rooms = new Map();

const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    if (global.gc) { global.gc(); global.gc(); }
    const m = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss }));
  } else { res.writeHead(404); res.end(); }
});
const wss = new WebSocketServer({ server, maxPayload: 16 * 1024, perMessageDeflate: false });

wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://x');
  const id = url.pathname.substring('/ws/rooms/'.length);
  let room = rooms.get(id);
  if (!room) { room = { sockets: new Set(), version: 0 }; rooms.set(id, room); }
  ws.leader = url.searchParams.get('lead') === '1';
  room.sockets.add(ws);
  ws.send('{"type":"snapshot","epoch":"node","version":' + room.version + ',"room":' + (ws.leader ? leaderRoom : memberRoom) + ',"you":{}}');
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? '' : data.toString();
    const at = text.indexOf('"id":"');
    if (at < 0) { ws.send('{"type":"error","id":null,"code":"bad_json","message":"no id"}'); return; }
    const cmdId = text.substring(at + 6, text.indexOf('"', at + 6));
    const v = ++room.version;
    const head = '{"type":"state","epoch":"node","version":' + v + ',"room":';
    let lf = null, mf = null;
    for (const s of room.sockets) {
      if (s.leader) { if (lf === null) lf = head + leaderRoom + '}'; s.send(lf); }
      else { if (mf === null) mf = head + memberRoom + '}'; s.send(mf); }
    }
    ws.send('{"type":"ack","id":"' + cmdId + '","version":' + v + '}');
  });
  ws.on('close', () => room.sockets.delete(ws));
  ws.on('error', () => {});
});

server.listen(0, '127.0.0.1', 4096, () => {
  console.log('BENCH-STARTED pid=' + process.pid + ' port=' + server.address().port);
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    if (line.trim() === 'open') console.log('BENCH-READY rooms=lazy');
    else if (line.trim() === 'stop') process.exit(0);
  });
  rl.on('close', () => process.exit(0));
});
