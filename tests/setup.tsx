import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { server } from '../mocks/node'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  cleanup()
})
afterAll(() => server.close())

// jsdom has no canvas: component tests check cards, states and tables; charts are drawn and
// checked in real Chromium by the browser tests.
vi.mock('@/lib/echarts/echart-impl', () => ({
  default: ({ option }: { option: { series?: unknown[] } }) => (
    <div
      data-testid="echart"
      data-series={Array.isArray(option.series) ? option.series.length : 0}
    />
  ),
}))

if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}
