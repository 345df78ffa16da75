import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * When the offline copy of the app is made: only once the first view is on screen, so that its
 * downloads do not take the CPU the first charts are drawn with.
 */

// Each test starts with a page whose first charts have not shown yet.
async function fresh() {
  vi.resetModules()
  const sw = await import('./service-worker')
  const charts = await import('./echarts/use-near-viewport')
  return { ...sw, ...charts }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('afterFirstView', () => {
  it("waits for the page's first charts, then runs once", async () => {
    const { afterFirstView, markFirstChartsShown } = await fresh()
    const run = vi.fn()
    afterFirstView(run)
    vi.advanceTimersByTime(2000)
    expect(run).not.toHaveBeenCalled()
    markFirstChartsShown()
    expect(run).toHaveBeenCalledTimes(1)
    markFirstChartsShown()
    // Its fallback timer is gone with it: nothing is left waiting on the page.
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('does not wait for ever on a page without charts', async () => {
    const { afterFirstView, FIRST_VIEW_MAX_WAIT_MS } = await fresh()
    const run = vi.fn()
    afterFirstView(run)
    vi.advanceTimersByTime(FIRST_VIEW_MAX_WAIT_MS - 1)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs at once when the first charts have already shown', async () => {
    const { afterFirstView, markFirstChartsShown } = await fresh()
    markFirstChartsShown()
    const run = vi.fn()
    afterFirstView(run)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
