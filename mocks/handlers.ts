import { delay, http, HttpResponse } from 'msw'
import facts from '../public/data/facts.json'
import indicators from '../public/data/indicators.json'
import meta from '../public/data/meta.json'
import observations from '../public/data/observations.json'
import organizations from '../public/data/organizations.json'

/**
 * The data API of docs/api.md, implemented from the published dataset. The browser worker (dev)
 * and the node server (tests) share these handlers; scenarios.ts overrides them per case.
 */
export const DATA_FILES = {
  'meta.json': meta,
  'indicators.json': indicators,
  'facts.json': facts,
  'organizations.json': organizations,
  'observations.json': observations,
} as const

export type DataFile = keyof typeof DATA_FILES

/** Realistic latency in the dev browser; none under vitest (jsdom has a window too). */
const latency = () =>
  typeof process !== 'undefined' && process.env?.VITEST ? 0 : 150 + Math.random() * 250

export const dataUrl = (file: string) => `*/data/${file}`

export const handlers = Object.entries(DATA_FILES).map(([file, body]) =>
  http.get(dataUrl(file), async () => {
    await delay(latency())
    return HttpResponse.json(body)
  }),
)

/**
 * The published data answered at once, without even `delay(0)`'s timer: for tests that reset
 * the data after a scenario (`server.use(...dataAtOnce())`).
 */
export const dataAtOnce = () =>
  Object.entries(DATA_FILES).map(([file, body]) =>
    http.get(dataUrl(file), () => HttpResponse.json(body)),
  )
