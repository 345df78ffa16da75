import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Dataset } from '@/api/dataset'
import { DEFAULT_CONFIG } from '@/config/runtime-config'
import { RuntimeConfigContext } from '@/config/runtime-config-context'
import {
  canonicalFilterParams,
  currentUrlParams,
  DEFAULT_ORG_ID,
  filtersFromParams,
  filtersToParams,
  queryString,
  useCanonicalFilters,
  useFilters,
  useSetFilters,
  writeUrlParams,
  type FilterBounds,
} from './url-state'

const bounds: FilterBounds = {
  years: [2022, 2023, 2024],
  defaultYear: 2024,
  orgIds: [DEFAULT_ORG_ID, 'sanyu-town', 'market-bureau'],
  demoOrgIds: ['market-bureau'],
  demoYears: [2022],
  demoAllowed: true,
}
const read = (q: string, b: FilterBounds = bounds) => filtersFromParams(new URLSearchParams(q), b)

/** Only what the filters read from the model: the years, the report year, the organisations. */
const data = {
  meta: { years: bounds.years, period: { year: bounds.defaultYear } },
  organizations: bounds.orgIds.map((id) => ({ id, namedInReport: id !== 'market-bureau' })),
  reportedYears: new Set([2023, 2024]),
  reportedOrgIds: new Set([DEFAULT_ORG_ID, 'sanyu-town']),
} as unknown as Dataset

function withConfig(showDemoData: boolean) {
  const loaded = { config: { ...DEFAULT_CONFIG, showDemoData }, warning: null }
  return ({ children }: { children: ReactNode }) => (
    <RuntimeConfigContext.Provider value={loaded}>{children}</RuntimeConfigContext.Provider>
  )
}

beforeEach(() => {
  window.history.replaceState(null, '', '#/')
})

describe('reading the filters from the URL', () => {
  it('reads year, organisation and the demo switch', () => {
    expect(read('year=2023&org=sanyu-town&demo=0')).toEqual({
      year: 2023,
      orgId: 'sanyu-town',
      showDemo: false,
    })
  })

  it('shows a 示例单位 only with demo data: hidden, the district stands in its place', () => {
    expect(read('org=market-bureau').orgId).toBe('market-bureau')
    expect(read('org=market-bureau&demo=0').orgId).toBe(DEFAULT_ORG_ID)
    expect(read('org=sanyu-town&demo=0').orgId).toBe('sanyu-town')
  })

  it('shows a year of 示例 values alone only with demo data: hidden, the report year instead', () => {
    expect(read('year=2022').year).toBe(2022)
    expect(read('year=2022&demo=0').year).toBe(2024)
    expect(read('year=2023&demo=0').year).toBe(2023)
  })

  it('falls back to the report year, the district and demo shown when the URL says nothing', () => {
    expect(read('')).toEqual({ year: 2024, orgId: DEFAULT_ORG_ID, showDemo: true })
  })

  it.each([
    'year=1900',
    'year=abc',
    'year=2023.5',
    'year=',
    'year=1e308',
    `year=${'9'.repeat(400)}`,
    'org=nope',
    'org=',
    'org=%3Cscript%3E',
    'demo=maybe',
    'demo=',
  ])('takes the default for anything unknown or malformed: %s', (q) => {
    expect(read(q)).toEqual({ year: 2024, orgId: DEFAULT_ORG_ID, showDemo: true })
  })

  it('never shows demo data when the config hides it, whatever the URL says', () => {
    const hidden = { ...bounds, demoAllowed: false }
    expect(read('', hidden).showDemo).toBe(false)
    expect(read('demo=1', hidden).showDemo).toBe(false)
  })
})

describe('writing the filters into the URL', () => {
  it('writes what it is given and keeps every other parameter', () => {
    const next = filtersToParams(new URLSearchParams('ind=a,b&year=2022'), {
      year: 2023,
      orgId: 'sanyu-town',
      showDemo: false,
    })
    expect(queryString(next)).toBe('?ind=a,b&year=2023&org=sanyu-town&demo=0')
  })

  it('leaves no parameter for the district and for demo shown', () => {
    const next = filtersToParams(new URLSearchParams('year=2023&org=sanyu-town&demo=0'), {
      orgId: DEFAULT_ORG_ID,
      showDemo: true,
    })
    expect(next.toString()).toBe('year=2023')
  })

  it('corrects a link to what is shown, always naming the year', () => {
    const fix = (q: string, b = bounds) =>
      canonicalFilterParams(new URLSearchParams(q), b).toString()
    expect(fix('')).toBe('year=2024')
    expect(fix('org=nope&year=1900')).toBe('year=2024')
    expect(fix('year=abc&org=%3Cscript%3E&demo=maybe')).toBe('year=2024')
    expect(fix('year=2023&org=sanyu-town&demo=0')).toBe('year=2023&org=sanyu-town&demo=0')
    expect(fix('demo=0', { ...bounds, demoAllowed: false })).toBe('year=2024')
  })
})

describe('the one writer of the URL', () => {
  it('patches the query as it is now, keeps the path and writes commas as commas', () => {
    window.history.replaceState(null, '', '#/compare?year=2023')
    writeUrlParams((p) => {
      p.set('ind', 'a,b')
      return p
    })
    expect(window.location.hash).toBe('#/compare?year=2023&ind=a,b')
    expect(currentUrlParams().get('ind')).toBe('a,b')
  })

  it('replaces the history entry by default and pushes one when told', () => {
    const length = window.history.length
    writeUrlParams((p) => filtersToParams(p, { year: 2023 }))
    expect(window.history.length).toBe(length)
    expect(window.location.hash).toBe('#/?year=2023')
    writeUrlParams((p) => filtersToParams(p, { year: 2022 }), { replace: false })
    expect(window.history.length).toBe(length + 1)
    expect(window.location.hash).toBe('#/?year=2022')
  })

  it('does nothing when the query would not change', () => {
    window.history.replaceState(null, '', '#/?year=2023')
    const onChange = vi.fn()
    window.addEventListener('hashchange', onChange)
    writeUrlParams((p) => filtersToParams(p, { year: 2023, orgId: DEFAULT_ORG_ID }))
    window.removeEventListener('hashchange', onChange)
    expect(onChange).not.toHaveBeenCalled()
  })
})

describe('the filter hooks', () => {
  it('read the URL on render and write to it, with no store in between', () => {
    window.history.replaceState(null, '', '#/group/x?year=2023&org=market-bureau')
    const { result } = renderHook(() => ({ filters: useFilters(data), set: useSetFilters() }), {
      wrapper: withConfig(true),
    })
    expect(result.current.filters).toEqual({ year: 2023, orgId: 'market-bureau', showDemo: true })

    act(() => result.current.set({ orgId: 'sanyu-town', showDemo: false }))
    expect(window.location.hash).toBe('#/group/x?year=2023&org=sanyu-town&demo=0')
    expect(result.current.filters).toEqual({ year: 2023, orgId: 'sanyu-town', showDemo: false })

    // The back button, a pasted link: whatever changes the URL changes the filters.
    act(() => {
      window.history.replaceState(null, '', '#/group/x?year=2022')
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(result.current.filters).toEqual({ year: 2022, orgId: DEFAULT_ORG_ID, showDemo: true })
  })

  it('keep demo data off when the config hides it', () => {
    const { result } = renderHook(() => useFilters(data), { wrapper: withConfig(false) })
    expect(result.current.showDemo).toBe(false)
  })

  it('correct the URL once the data is known, with one replace and no loop', () => {
    window.history.replaceState(null, '', '#/?org=nope&year=1900&ind=a,b')
    const length = window.history.length
    const onChange = vi.fn()
    window.addEventListener('hashchange', onChange)
    const { rerender } = renderHook(({ d }) => useCanonicalFilters(d), {
      initialProps: { d: null as Dataset | null },
      wrapper: withConfig(true),
    })
    expect(window.location.hash).toBe('#/?org=nope&year=1900&ind=a,b')
    rerender({ d: data })
    window.removeEventListener('hashchange', onChange)
    expect(window.location.hash).toBe('#/?year=2024&ind=a,b')
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(window.history.length).toBe(length)
  })
})
