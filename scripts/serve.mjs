// npm start's server: serves dist/ (the built page) at http://127.0.0.1:8080 until Ctrl-C.
// PORT overrides the port. Static files only; the page makes no requests after it has loaded.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const serve = sirv(path.join(root, 'dist'), { dev: true, etag: true });
const server = http.createServer((req, res) => serve(req, res, () => {
  res.statusCode = 404;
  res.end('not found');
}));

server.on('error', (error) => {
  console.error(`nnplay: cannot serve on 127.0.0.1:${port}: ${error.message}${error.code === 'EADDRINUSE' ? ' (set PORT to use another port)' : ''}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`nnplay: the playground is at http://127.0.0.1:${port}/  (Ctrl-C stops it)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
