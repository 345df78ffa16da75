import { render } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Dataset, DatasetState } from '@/api/dataset'
import { DataTimes } from './data-times'

/**
 * The two times of the data on every view (数据截至: when it was published; 最后刷新: when it was
 * fetched), and the mark that says the data on screen is not the source's current answer.
 */

type Ready = Extract<DatasetState, { status: 'ready' }>

const HERE = dirname(fileURLToPath(import.meta.url))
const META = JSON.parse(readFileSync(resolve(HERE, '../../public/data/meta.json'), 'utf8')) as {
  updatedAt: string
}

/** The published meta is dated 2026-11-27 09:00 China time; the screen looks on the next morning. */
const NOW = new Date('2026-11-28T10:00:00+08:00')
const FETCHED_AT = Date.parse('2026-11-28T08:30:00+08:00')

function ready(overrides: Partial<Ready> = {}, updatedAt = META.updatedAt): Ready {
  return {
    status: 'ready',
    data: { meta: { ...META, updatedAt } } as unknown as Dataset,
    stale: false,
    staleReason: null,
    fetchedAt: FETCHED_AT,
    restored: false,
    retry: () => undefined,
    ...overrides,
  }
}

/** Renders the times as seen at `now` ('clock': the component reads the clock itself). */
function show(state: Ready, now: Date | 'clock' = NOW) {
  const { container } = render(
    now === 'clock' ? <DataTimes state={state} /> : <DataTimes state={state} now={now} />,
  )
  const root = container.querySelector<HTMLElement>('[data-times]')
  if (!root) throw new Error('no data-times element')
  return root
}

const TIMES = '数据截至 11月27日 09:00 · 最后刷新 08:30'

afterEach(() => {
  vi.useRealTimers()
})

describe('DataTimes', () => {
  it('shows both times, the date only for the one not of today, and no mark when fresh', () => {
    expect(META.updatedAt).toBe('2026-11-27T09:00:00+08:00')
    const root = show(ready())
    expect(root.dataset.times).toBe('fresh')
    expect(root.textContent).toBe(TIMES)
    expect(root).not.toHaveAttribute('role')
    expect(root).not.toHaveAttribute('title')
  })

  it('marks data whose last refresh failed as out of date, with the reason as its title', () => {
    const root = show(ready({ stale: true, staleReason: '数据源无响应' }))
    expect(root.dataset.times).toBe('stale')
    expect(root.textContent).toBe(`⚠ 数据已过期 · ${TIMES}`)
    expect(root).toHaveAttribute('role', 'status')
    expect(root).toHaveAttribute('title', '数据源无响应')
  })

  it('gives no title to out-of-date data without a reason', () => {
    const root = show(ready({ stale: true, staleReason: null }))
    expect(root.dataset.times).toBe('stale')
    expect(root).not.toHaveAttribute('title')
  })

  it('says it is connecting while kept data is shown and the source is being asked', () => {
    const root = show(ready({ restored: true }))
    expect(root.dataset.times).toBe('restored')
    expect(root.textContent).toBe(`正在连接数据源 · ${TIMES}`)
    expect(root).toHaveAttribute('role', 'status')
    expect(root).toHaveAttribute('title', '显示的是本机保存的 08:30 取得的数据')
    expect(root.textContent).not.toContain('离线')
    expect(root.textContent).not.toContain('已过期')
  })

  it('says 离线 for kept data when the source cannot be reached, with why in its title', () => {
    const fetchedAt = Date.parse('2026-11-27T18:05:00+08:00')
    const root = show(
      ready({ restored: true, stale: true, staleReason: '数据源无响应', fetchedAt }),
    )
    expect(root.dataset.times).toBe('offline')
    expect(root.textContent).toBe('离线 · 数据截至 11月27日 09:00 · 最后刷新 11月27日 18:05')
    expect(root).toHaveAttribute('role', 'status')
    expect(root).toHaveAttribute(
      'title',
      '显示的是本机保存的 11月27日 18:05 取得的数据;数据源无响应',
    )
    expect(root.textContent).not.toContain('正在连接数据源')
    expect(root.textContent).not.toContain('已过期')
  })

  it('writes the year for a time of another year', () => {
    const root = show(
      ready({ fetchedAt: Date.parse('2026-01-01T00:10:00+08:00') }, '2025-12-31T18:00:00+08:00'),
      new Date('2026-01-01T08:00:00+08:00'),
    )
    expect(root.textContent).toBe('数据截至 2025年12月31日 18:00 · 最后刷新 00:10')
  })

  it('tells days apart in China time, whatever the time zone of the machine', () => {
    // 16:30 UTC is already the next day (00:30) in China.
    const root = show(
      ready({ fetchedAt: Date.parse('2026-11-27T16:30:00Z') }, '2026-11-27T15:59:00Z'),
      new Date('2026-11-28T01:00:00Z'),
    )
    expect(root.textContent).toBe('数据截至 11月27日 23:59 · 最后刷新 00:30')
  })

  it('takes today from the clock when no time is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-27T20:00:00+08:00'))
    const root = show(ready({ fetchedAt: Date.parse('2026-11-27T19:45:00+08:00') }), 'clock')
    // Both times are of today (2026-11-27): no date.
    expect(root.textContent).toBe('数据截至 09:00 · 最后刷新 19:45')
  })
})
