// The limit for `npm run bench`: a bare node:http server that answers every request with the
// exact bytes the sign-in page (the floor) answered once: its status, headers and gzip body.
// What the floor costs beyond this is the framework's share (issue 24).
//
//   node scripts/bench-limit.mjs <port> <response.json>
import fs from 'node:fs';
import http from 'node:http';

const [port, file] = process.argv.slice(2);
const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
const body = Buffer.from(saved.body, 'base64');
const headers = { ...saved.headers, 'content-length': String(body.length) };

http
  .createServer((req, res) => {
    req.resume();
    res.writeHead(saved.status, headers);
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('listening'));
