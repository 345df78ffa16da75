/**
 * A plain static file server for the production build, as any static host would serve it, with
 * the production Content-Security-Policy header. Tests can make the data source fail on demand
 * (`server.fail = 'data'`) to check what the user sees then. Loopback only.
 */
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

/** The production build the tests serve and read: $DIST_DIR, else dist/ in the working dir. */
export const DIST_DIR = resolve(process.env.DIST_DIR || 'dist')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

export async function startStaticServer({ root = DIST_DIR, port = 0, csp } = {}) {
  const base = resolve(root)
  const state = {
    /** null, or a function (pathname) => { status, body, type } | null to answer instead. */
    override: null,
    requests: [],
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let pathname = decodeURIComponent(url.pathname)
    state.requests.push(pathname)
    const forced = state.override?.(pathname)
    if (forced) {
      if (forced.delayMs) await new Promise((r) => setTimeout(r, forced.delayMs))
      res.writeHead(forced.status ?? 200, {
        'Content-Type': forced.type ?? 'application/json; charset=utf-8',
      })
      res.end(forced.body ?? '')
      return
    }
    if (pathname.endsWith('/')) pathname += 'index.html'
    const file = normalize(join(base, pathname))
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new Error('not a file')
      const body = await readFile(file)
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      }
      if (csp && extname(file) === '.html') headers['Content-Security-Policy'] = csp
      res.writeHead(200, headers)
      res.end(body)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
    }
  })
  await new Promise((r) => server.listen(port, '127.0.0.1', r))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${address.port}/`,
    state,
    close: () => new Promise((r) => server.close(r)),
  }
}
