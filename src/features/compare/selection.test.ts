import { describe, expect, it } from 'vitest'
import { indicatorsResponseSchema, metaSchema, organizationsResponseSchema } from '@/domain/schemas'
import indicatorsJson from '../../../public/data/indicators.json'
import metaJson from '../../../public/data/meta.json'
import organizationsJson from '../../../public/data/organizations.json'
import { queryString } from '@/stores/url-state'
import {
  defaultSelection,
  selectionFromParams,
  selectionToParams,
  type SelectionBounds,
} from './selection'

const bounds: SelectionBounds = {
  indicators: indicatorsResponseSchema.parse(indicatorsJson).items,
  organizations: organizationsResponseSchema.parse(organizationsJson).items,
  years: metaSchema.parse(metaJson).years,
}
const read = (q: string) => selectionFromParams(new URLSearchParams(q), bounds)

describe('the selection in the URL', () => {
  it('defaults to department-split indicators with a target, the departments and all years', () => {
    const s = read('')
    expect(s).toEqual(defaultSelection(bounds))
    expect(s.indicatorIds.length).toBeGreaterThanOrEqual(3)
    for (const id of s.indicatorIds) {
      const i = bounds.indicators.find((x) => x.id === id)!
      expect(i.target).not.toBeNull()
      expect(i.breakdown).toBe('department')
    }
    expect(s.orgIds.length).toBeGreaterThan(0)
    expect(s.years).toEqual([2022, 2023, 2024])
    expect(s.focusId).toBe(s.indicatorIds[0])
  })

  it('drops unknown ids, unknown years, duplicates and junk without failing', () => {
    const s = read(
      'ind=nope,service-guide-rate,,service-guide-rate,<script>&orgs=market-bureau,ghost&years=1999,2023,abc&focus=gone&sort=evil:up',
    )
    expect(s.indicatorIds).toEqual(['service-guide-rate'])
    expect(s.orgIds).toEqual(['market-bureau'])
    expect(s.years).toEqual([2023])
    expect(s.focusId).toBe('service-guide-rate')
    expect(s.sort).toBeNull()
  })

  it('puts ids in catalogue and organisation order, years ascending', () => {
    const s = read(
      'ind=exam-pass-rate,apply-power-deploy-rate&orgs=market-bureau,tzw&years=2024,2022',
    )
    expect(s.indicatorIds).toEqual(['apply-power-deploy-rate', 'exam-pass-rate'])
    expect(s.orgIds).toEqual(['tzw', 'market-bureau'])
    expect(s.years).toEqual([2022, 2024])
  })

  it('keeps an emptied list empty (the user cleared it) instead of refilling defaults', () => {
    const s = read('ind=&orgs=&years=')
    expect(s.indicatorIds).toEqual([])
    expect(s.orgIds).toEqual([])
    expect(s.years).toEqual([])
    expect(s.focusId).toBeNull()
  })

  it('opens on the defaults when every unit or year a link names is gone (demo data hidden)', () => {
    const shown: SelectionBounds = {
      ...bounds,
      organizations: bounds.organizations.filter((o) => o.id === 'tzw'),
      years: [2024],
    }
    const s = selectionFromParams(
      new URLSearchParams('orgs=market-bureau,hrss-bureau&years=2022,2023'),
      shown,
    )
    expect(s.orgIds).toEqual(['tzw'])
    expect(s.years).toEqual([2024])
  })

  it('reads a focus among the chosen indicators and a sort on a shown column', () => {
    const s = read(
      'ind=apply-power-deploy-rate,exam-pass-rate&focus=exam-pass-rate&sort=y2024:desc',
    )
    expect(s.focusId).toBe('exam-pass-rate')
    expect(s.sort).toEqual({ key: 'y2024', dir: 'desc' })
    expect(read('years=2023&sort=y2024:desc').sort).toBeNull()
  })

  it('round-trips: written and read back, the selection is the same; other parameters stay', () => {
    const s = read(
      'year=2023&org=sanyu-town&demo=0&ind=exam-pass-rate,service-guide-rate&orgs=tzw,sanyu-town&years=2022,2024&focus=exam-pass-rate&sort=rank:asc',
    )
    const params = selectionToParams(new URLSearchParams('year=2023&org=sanyu-town&demo=0'), s)
    expect(params.get('year')).toBe('2023')
    expect(params.get('org')).toBe('sanyu-town')
    expect(params.get('demo')).toBe('0')
    expect(selectionFromParams(params, bounds)).toEqual(s)
    expect(queryString(params)).toContain('ind=service-guide-rate,exam-pass-rate')
    expect(queryString(params)).not.toContain('%2C')
  })

  it('leaves out the focus when it is the first indicator, and the sort when there is none', () => {
    const params = selectionToParams(new URLSearchParams(), read('ind=exam-pass-rate'))
    expect(params.has('focus')).toBe(false)
    expect(params.has('sort')).toBe(false)
  })
})
