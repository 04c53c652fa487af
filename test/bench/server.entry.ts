// The bench's fixture server, in a process of its own: the bench process is busy driving the
// browsers over CDP, and a server sharing its event loop answers late at random, which shows up
// as noise in page-load times. Prints its ports as one JSON line, then serves until killed.
import { startFixtureServer } from '../e2e/harness/server';

const server = await startFixtureServer();
process.stdout.write(`${JSON.stringify({ httpsPort: server.httpsPort, proxyPort: server.proxyPort, hosts: server.hosts })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
