import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

// `npx vuoro signal`: y-webrtc's signalling server, bound where asked, relaying what peers
// publish to a room's topic, and logging connects and disconnects only, never a message.

const SECRET = 'Työpajan salainen kirjaus: Aino ehdottaa parityötä';
let child: ChildProcess | undefined;
let log = '';

function start(): Promise<number> {
  child = spawn(process.execPath, ['bin/vuoro.mjs', 'signal', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) resolve(Number(match[1]));
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`signal exited ${code}: ${log}`)));
  });
}

const open = (port: number) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
const next = (socket: WebSocket) => new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString())));

afterAll(() => {
  child?.kill();
});

describe('vuoro signal', () => {
  it('starts, relays a room’s messages between two sockets, survives garbage, and logs no payload', async () => {
    const port = await start();
    const a = await open(port);
    const b = await open(port);
    a.send(JSON.stringify({ type: 'subscribe', topics: ['vuoro-abcdefghijkm'] }));
    b.send(JSON.stringify({ type: 'subscribe', topics: ['vuoro-abcdefghijkm'] }));
    b.send(JSON.stringify({ type: 'ping' }));
    expect(JSON.parse(await next(b))).toEqual({ type: 'pong' });
    // Garbage from a third socket is dropped; the server goes on serving the others.
    const c = await open(port);
    c.send('{not json ' + SECRET);
    await expect.poll(() => log, { timeout: 5000 }).toMatch(/dropped a malformed message/);
    c.terminate();
    const received = next(a);
    b.send(JSON.stringify({ type: 'publish', topic: 'vuoro-abcdefghijkm', data: SECRET }));
    expect(JSON.parse(await received).data).toBe(SECRET);
    a.close();
    b.close();
    await expect.poll(() => (log.match(/disconnect/g) ?? []).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(log).toMatch(/connect \(3 open\)/);
    expect(log).toMatch(/dropped a malformed message/);
    expect(log).not.toContain('salainen');
    expect(log).not.toContain('abcdefghijkm');
    expect(child!.exitCode).toBeNull();
  }, 20_000);
});
