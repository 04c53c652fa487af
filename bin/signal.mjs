// `vuoro signal`: y-webrtc's own signalling server (node_modules/y-webrtc/bin/server.js, the
// `y-webrtc-signaling` binary), for an organisation to run for live sharing (issue 15). It is run
// unchanged; this wrapper only binds it to the chosen address and writes a log that holds no
// workshop text: connects and disconnects, never a message. (It only ever sees room ids and
// signalling payloads encrypted with the room's passphrase, but even those are not logged.)
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const USAGE = 'Usage: vuoro signal [--port 4444] [--host 127.0.0.1]\n';

function parse(args) {
  const options = { port: 4444, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const [name, value] = [args[i], args[i + 1]];
    if (name === '--help' || name === '-h') return { help: true };
    if (name !== '--port' && name !== '--host') return { error: `Unknown option: ${name}` };
    if (value === undefined) return { error: `Missing value for ${name}` };
    i++;
    if (name === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `Not a port: ${value}` };
      options.port = port;
    } else options.host = value;
  }
  return options;
}

export async function runSignal(args, out = (line) => process.stdout.write(`${line}\n`)) {
  const options = parse(args);
  if (options.help) return process.stdout.write(USAGE), 0;
  if (options.error) return process.stderr.write(`${options.error}\n${USAGE}`), 1;
  const { port, host } = options;
  const log = (text) => out(`${new Date().toISOString()} ${text}`);

  // server.js calls listen(port) on its one http server: give it the host too, and watch the
  // WebSocket upgrades on it for the log.
  const listen = http.Server.prototype.listen;
  let open = 0;
  http.Server.prototype.listen = function patched() {
    http.Server.prototype.listen = listen;
    this.on('upgrade', (_request, socket) => {
      open++;
      log(`connect (${open} open)`);
      socket.once('close', () => {
        open--;
        log(`disconnect (${open} open)`);
      });
    });
    this.once('listening', () => {
      const address = this.address();
      log(`vuoro signal: listening on ws://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
    });
    this.once('error', (error) => {
      process.stderr.write(`vuoro signal: ${error.code ?? error.message}\n`);
      process.exit(1);
    });
    return listen.call(this, port, host);
  };
  // A malformed message throws inside server.js's handler (JSON.parse): keep serving, and log only
  // that one was dropped (the error's text could quote the message).
  process.on('uncaughtException', (error) => log(`dropped a malformed message (${error?.name ?? 'Error'})`));

  process.env.PORT = String(port);
  const server = join(dirname(createRequire(import.meta.url).resolve('y-webrtc')), '..', 'bin', 'server.js');
  const print = console.log;
  console.log = () => undefined; // server.js's own banner names "localhost" and the port as given; ours names the real address
  try {
    await import(pathToFileURL(server).href);
  } finally {
    console.log = print;
  }
  return new Promise(() => undefined); // serves until stopped
}
