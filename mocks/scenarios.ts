import { delay, http, HttpResponse } from 'msw'
import { DATA_FILES, dataUrl, type DataFile } from './handlers'

/**
 * States to demonstrate and test: in development open the app with ?scenario=slow|error|malformed
 * |empty|bad-value; in tests pass the same handlers to server.use().
 */
const each = (fn: (file: DataFile) => Parameters<typeof http.get>[1]) =>
  (Object.keys(DATA_FILES) as DataFile[]).map((file) => http.get(dataUrl(file), fn(file)))

export const scenarios = {
  slow: each((file) => async () => {
    await delay(4000)
    return HttpResponse.json(DATA_FILES[file])
  }),
  error: each(() => () => HttpResponse.json({ message: 'internal error' }, { status: 500 })),
  malformed: [
    http.get(dataUrl('observations.json'), () =>
      HttpResponse.text('{"items": [ {"indicatorId": ', {
        headers: { 'Content-Type': 'application/json' },
      }),
    ),
  ],
  empty: [http.get(dataUrl('observations.json'), () => HttpResponse.json({ items: [] }))],
  /** One indicator's value is text instead of a number: only its card and chart show an error. */
  'bad-value': [
    http.get(dataUrl('observations.json'), () =>
      HttpResponse.json({
        items: DATA_FILES['observations.json'].items.map((o) =>
          o.indicatorId === 'stock-docs' && o.orgId === 'tzw' && o.year === 2024
            ? { ...o, value: '3767份' }
            : o,
        ),
      }),
    ),
  ],
} as const

export type ScenarioName = keyof typeof scenarios

export function scenarioHandlers(name: string | null) {
  return name && name in scenarios ? [...scenarios[name as ScenarioName]] : []
}
