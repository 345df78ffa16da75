import { QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-client'
import { createQueryClient, refreshEvery, retryDelay, shouldRetry } from './query-client'

/**
 * How often the data is asked for: at the refresh interval while the source answers; once it has
 * failed, soon (5 s), then less and less often as failures pile up, but never less often than the
 * refresh itself (at least a minute) nor than every 5 minutes — so a screen on old data picks the
 * source up again by itself.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND

/** A query as the rule reads it; `fail()` ends one more refresh in error, `succeed()` in data. */
function query(status = 'success') {
  const q = {
    state: { status, errorUpdateCount: 0 },
    fail() {
      q.state = { status: 'error', errorUpdateCount: q.state.errorUpdateCount + 1 }
      return q
    },
    succeed() {
      q.state = { ...q.state, status: 'success' }
      return q
    },
  }
  return q
}

/** The gaps after `n` failed refreshes in a row. */
function gapsAfterFailures(next: ReturnType<typeof refreshEvery>, n: number) {
  const q = query()
  return Array.from({ length: n }, () => next(q.fail()))
}

describe('refreshEvery', () => {
  it('refreshes at the interval while the source answers', () => {
    expect(refreshEvery(30 * SECOND)(query())).toBe(30 * SECOND)
    expect(refreshEvery(10 * MINUTE)(query())).toBe(10 * MINUTE)
    expect(refreshEvery(30 * SECOND)(query('pending'))).toBe(30 * SECOND)
  })

  it('does not refresh data that is not to be refreshed while the source answers', () => {
    expect(refreshEvery(false)(query())).toBe(false)
    expect(refreshEvery(false)(query('pending'))).toBe(false)
  })

  it('tries a failed source again after 5 s, doubling the gap with every failed refresh in a row', () => {
    expect(gapsAfterFailures(refreshEvery(false), 9)).toEqual(
      [5, 10, 20, 40, 80, 160, 300, 300, 300].map((s) => s * SECOND),
    )
  })

  it('counts a failed refresh once, however often the rule is asked', () => {
    const next = refreshEvery(false)
    const q = query().fail()
    expect([next(q), next(q), next(q)]).toEqual([5 * SECOND, 5 * SECOND, 5 * SECOND])
    expect(next(q.fail())).toBe(10 * SECOND)
  })

  it('starts again at 5 s after the source has answered once', () => {
    const next = refreshEvery(false)
    const q = query()
    for (let i = 0; i < 5; i++) next(q.fail())
    expect(next(q.succeed())).toBe(false)
    expect(next(q.fail())).toBe(5 * SECOND)
  })

  it('counts each query on its own', () => {
    const next = refreshEvery(false)
    const a = query()
    const b = query()
    next(a.fail())
    next(a.fail())
    expect(next(a.fail())).toBe(20 * SECOND)
    expect(next(b.fail())).toBe(5 * SECOND)
  })

  it('never waits longer than a minute when the refresh is a minute or less', () => {
    for (const interval of [10 * SECOND, 30 * SECOND, MINUTE]) {
      expect(gapsAfterFailures(refreshEvery(interval), 6)).toEqual(
        [5, 10, 20, 40, 60, 60].map((s) => s * SECOND),
      )
    }
  })

  it('never waits longer than the refresh itself when it is between 1 and 5 minutes', () => {
    expect(gapsAfterFailures(refreshEvery(2 * MINUTE), 7)).toEqual(
      [5, 10, 20, 40, 80, 120, 120].map((s) => s * SECOND),
    )
  })

  it('never waits longer than 5 minutes, even when the refresh is slower', () => {
    expect(gapsAfterFailures(refreshEvery(10 * MINUTE), 8).slice(-2)).toEqual([
      5 * MINUTE,
      5 * MINUTE,
    ])
    expect(refreshEvery(10 * MINUTE)(query())).toBe(10 * MINUTE)
  })
})

describe('a source that stays down, in a real query client', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is asked less and less often, and no more once it answers (refresh off)', async () => {
    vi.useFakeTimers()
    const client = createQueryClient({ refreshSeconds: 0 })
    let up = false
    const asked: number[] = []
    const started = Date.now()
    const observer = new QueryObserver(client, {
      queryKey: ['source'],
      queryFn: () => {
        asked.push(Math.round((Date.now() - started) / SECOND))
        return up ? Promise.resolve('data') : Promise.reject(new ApiError('schema', 'x', 'u'))
      },
    })
    const stop = observer.subscribe(() => undefined)
    await vi.advanceTimersByTimeAsync(700 * SECOND)
    // A malformed payload is not retried within a refresh: one request per refresh.
    expect(asked).toEqual([0, 5, 15, 35, 75, 155, 315, 615])
    up = true
    await vi.advanceTimersByTimeAsync(300 * SECOND)
    expect(asked.at(-1)).toBe(915)
    expect(observer.getCurrentResult().data).toBe('data')
    const count = asked.length
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    expect(asked.length, 'refresh off: no request once the data is there').toBe(count)
    stop()
  })
})

describe('retries of one request', () => {
  it('waits 1 s, 2 s, 4 s … at most 30 s', () => {
    expect(retryDelay(0)).toBe(1 * SECOND)
    expect(retryDelay(1)).toBe(2 * SECOND)
    expect(retryDelay(2)).toBe(4 * SECOND)
    expect(retryDelay(10)).toBe(30 * SECOND)
  })

  it('retries a network failure three times, a malformed payload never', () => {
    const network = new ApiError('network', '网络错误', './data/meta.json')
    expect(shouldRetry(0, network)).toBe(true)
    expect(shouldRetry(2, network)).toBe(true)
    expect(shouldRetry(3, network)).toBe(false)
    expect(shouldRetry(0, new ApiError('schema', '格式错误', './data/meta.json'))).toBe(false)
    expect(shouldRetry(0, new ApiError('json', '不是 JSON', './data/meta.json'))).toBe(false)
  })
})
