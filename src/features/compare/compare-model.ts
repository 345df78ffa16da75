import { pickCell, type Cell, type ObservationIndex } from '@/domain/observation-index'
import { metTarget, shownTarget, type ShownTarget } from '@/domain/targets'
import { isAnnual, periodLabel } from '@/domain/period'
import type { Indicator, Organization, Qualifier } from '@/domain/schemas'
import { formatIndicatorValue, NO_DATA } from '@/lib/format'
import {
  attainment,
  mean,
  rankByDirection,
  yearOverYear,
  type Attainment,
  type YearChange,
  type YearPoint,
} from './compare-maths'
import type { CompareSelection } from './selection'

/**
 * Everything the comparison view draws, computed once per change of selection, from the same
 * cells: the charts and the table can never disagree. Missing values stay null (无数据), demo
 * values keep their flag, and nothing is summed across indicators.
 */

export const DATA_ERROR = '数据错误'

export interface ValueCell {
  value: number | null
  /** The figure with its qualifier, without the unit: "20余", "≥50", "86.8", 无数据. */
  figure: string
  /** Figure and unit: "20余次"; 无数据 without a unit. */
  text: string
  demo: boolean
  /** 余 or 以上: the value is a bound (a change from it is a bound too). */
  qualifier: Qualifier | null
  /** The value covers one calendar year (not 近3年, 2012年以来 or a single event). */
  annual: boolean
  /** What it covers otherwise: 近3年(2022–2024年), 2012年以来累计, 2024年单次事件. */
  period: string | null
  state: Cell['state']
}

export interface CompareInput {
  indicators: readonly Indicator[]
  organizations: readonly Organization[]
  index: ObservationIndex
  problems: ReadonlyMap<string, string>
  selection: CompareSelection
  /** The year of the ranking, change, radar and cards (the filter bar's 年度). */
  year: number
  /** The organisation of the radar and cards (the filter bar's 单位). */
  orgId: string
  showDemo: boolean
}

export interface OrgValue {
  org: Organization
  cell: ValueCell
  /** Rank among the selected units for this indicator and year; null for the district and 无数据. */
  rank: number | null
  met: boolean | null
}

export interface ChangeRow {
  org: Organization
  change: YearChange
  current: ValueCell
  base: ValueCell
}

export interface FocusModel {
  indicator: Indicator
  /** The target shown (null: none, or a demo target with demo data hidden). */
  target: ShownTarget | null
  /** A problem with the indicator's data: its charts show it instead of numbers. */
  error: string | null
  year: number
  /** Selected units (towns, offices, departments), best first; the district is not ranked. */
  ranking: OrgValue[]
  /** The district, when selected: a total or overall figure, shown but not ranked. */
  district: OrgValue | null
  /** Mean over all the district's units with a value in `year` (derived). */
  average: { value: number | null; count: number; demo: boolean }
  /** The organisations of the year charts: the district first (if selected), then ranking order. */
  orgs: Organization[]
  years: number[]
  /** cells[orgIndex][yearIndex] */
  cells: ValueCell[][]
  /** One row per organisation of `orgs`, best change first, 无数据 last. */
  changes: ChangeRow[]
  /** The organisations drawn as trend lines (at most TREND_LINES of `orgs`). */
  trendOrgs: number[]
}

export interface RadarItem {
  indicator: Indicator
  target: ShownTarget
  cell: ValueCell
  attainment: Attainment
}

export interface RadarModel {
  /** Whether any indicator of the catalogue has a target to show: without, there is no radar. */
  available: boolean
  org: Organization | null
  year: number
  /** The axes drawn: at most RADAR_AXES, in catalogue order. */
  items: RadarItem[]
  /** Normalised like `items` but not drawn (too many axes to read); in the panel's table. */
  more: RadarItem[]
  /** Selected indicators with a target but no value (or an error) for the organisation. */
  missing: Indicator[]
  /** Selected indicators without a target: they cannot be normalised. */
  noTarget: Indicator[]
}

export interface TableRow {
  key: string
  org: Organization
  indicator: Indicator
  /** The selected years (shared by all rows), ascending. */
  years: readonly number[]
  /** One per selected year. */
  readonly cells: ValueCell[]
  /** The value in the table's year (the filter bar's 年度), a column or not. */
  current: ValueCell
  target: ShownTarget | null
  change: YearChange
  attain: Attainment
  rank: number | null
  tied: boolean
  orgOrder: number
  indicatorOrder: number
}

export interface CompareModel {
  /** Whether any indicator of the catalogue has a target to show (the table's target columns). */
  hasTargets: boolean
  indicators: Indicator[]
  orgs: Organization[]
  years: number[]
  year: number
  focus: FocusModel | null
  radar: RadarModel
  rows: TableRow[]
}

export const TREND_LINES = 10
/** More axes than this and a radar's labels run into each other at 1920 × 1080. */
export const RADAR_AXES = 12

const EMPTY: ValueCell = {
  value: null,
  figure: NO_DATA,
  text: NO_DATA,
  demo: false,
  qualifier: null,
  annual: true,
  period: null,
  state: 'missing',
}

function computeCell(
  input: Pick<CompareInput, 'index' | 'problems' | 'showDemo'>,
  indicator: Indicator,
  orgId: string,
  year: number,
): ValueCell {
  const cell = pickCell(indicator, input.index, orgId, year, input.showDemo, input.problems)
  if (cell.state === 'error')
    return { ...EMPTY, figure: DATA_ERROR, text: DATA_ERROR, state: 'error' }
  if (cell.state !== 'value') return { ...EMPTY, state: cell.state }
  const o = cell.observation
  const f = formatIndicatorValue(indicator, o.value, o.qualifier)
  return {
    value: o.value,
    figure: f.figure,
    text: f.text,
    demo: o.status === 'demo',
    qualifier: o.qualifier,
    annual: isAnnual(o),
    period: periodLabel(o.period, o.year),
    state: 'value',
  }
}

/**
 * Cells are the same for the same data, demo switch and problems whatever the selection, so they
 * are kept between selections: at city scale a change of selection then formats only what is new.
 * The cache goes with the index (a refresh of the data builds a new index and a new cache).
 */
type Nested<T> = Map<string, Map<string, Map<number, T>>>
interface Derived {
  change: YearChange
  attain: Attainment
}
interface Ranking {
  key: string
  ranked: OrgValue[]
  ranks: Map<string, { rank: number | null; tied: boolean }>
}
interface Caches {
  problems: ReadonlyMap<string, string>
  showDemo: boolean
  cells: Nested<ValueCell>
  derived: Nested<Derived>
  /** By indicator: the last ranking, for one year and one set of units. */
  rankings: Map<string, Ranking>
}
const caches = new WeakMap<ObservationIndex, Caches>()

function cachesFor(input: Pick<CompareInput, 'index' | 'problems' | 'showDemo'>): Caches {
  const entry = caches.get(input.index)
  if (entry && entry.problems === input.problems && entry.showDemo === input.showDemo) return entry
  const fresh: Caches = {
    problems: input.problems,
    showDemo: input.showDemo,
    cells: new Map(),
    derived: new Map(),
    rankings: new Map(),
  }
  caches.set(input.index, fresh)
  return fresh
}

function nested<T>(map: Nested<T>, a: string, b: string, c: number, make: () => T): T {
  let byB = map.get(a)
  if (!byB) map.set(a, (byB = new Map()))
  let byC = byB.get(b)
  if (!byC) byB.set(b, (byC = new Map()))
  let value = byC.get(c)
  if (value === undefined) byC.set(c, (value = make()))
  return value
}

export function cellOf(
  input: Pick<CompareInput, 'index' | 'problems' | 'showDemo'>,
  indicator: Indicator,
  orgId: string,
  year: number,
): ValueCell {
  return nested(cachesFor(input).cells, indicator.id, orgId, year, () =>
    computeCell(input, indicator, orgId, year),
  )
}

const point = (year: number, c: ValueCell): YearPoint => ({
  year,
  value: c.value,
  demo: c.demo,
  qualifier: c.qualifier,
  annual: c.annual,
})

/** Change of `year` on the year before, from two cells. */
export function changeOf(
  indicator: Indicator,
  year: number,
  current: ValueCell,
  base: ValueCell,
): YearChange {
  return yearOverYear([point(year - 1, base), point(year, current)], year, indicator.direction)
}

/** Change on the year before and attainment of one cell, kept with the cells. */
function derivedOf(
  input: CompareInput,
  indicator: Indicator,
  orgId: string,
  year: number,
): Derived {
  return nested(cachesFor(input).derived, indicator.id, orgId, year, () => {
    const now = cellOf(input, indicator, orgId, year)
    const before = cellOf(input, indicator, orgId, year - 1)
    return {
      change: changeOf(indicator, year, now, before),
      attain: attainment(
        now.value,
        shownTarget(indicator, input.showDemo)?.value ?? null,
        indicator.direction,
      ),
    }
  })
}

/** Best change first by the indicator's direction; no change last. */
function sortChanges(rows: ChangeRow[], indicator: Indicator): ChangeRow[] {
  const sign = indicator.direction === 'lower' ? 1 : -1
  return [...rows].sort((a, b) => {
    const da = a.change.delta
    const db = b.change.delta
    if (da === null || db === null) return da === null ? (db === null ? 0 : 1) : -1
    return (da - db) * sign
  })
}

/**
 * The selected units ranked for one indicator and year. Kept per indicator while the year and the
 * units stay the same (a change of years or of the chart indicator does not rank again).
 */
function rankingOf(
  input: CompareInput,
  indicator: Indicator,
  units: readonly Organization[],
  unitsKey: string,
): Ranking {
  const rankings = cachesFor(input).rankings
  const target = shownTarget(indicator, input.showDemo)
  const key = `${input.year}|${unitsKey}`
  const cached = rankings.get(indicator.id)
  if (cached?.key === key) return cached
  const ranked = rankByDirection(
    units.map((org) => {
      const cell = cellOf(input, indicator, org.id, input.year)
      return { id: org.id, label: org.shortName, value: cell.value, org, cell }
    }),
    indicator.direction,
  ).map((r) => ({
    org: r.org,
    cell: r.cell,
    rank: r.rank,
    met: r.cell.value === null ? null : metTarget(target, indicator.direction, r.cell.value),
  }))
  const counts = new Map<number, number>()
  for (const r of ranked) if (r.rank !== null) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1)
  const ranks = new Map(
    ranked.map((r) => [
      r.org.id,
      { rank: r.rank, tied: r.rank !== null && counts.get(r.rank)! > 1 },
    ]),
  )
  const ranking = { key, ranked, ranks }
  rankings.set(indicator.id, ranking)
  return ranking
}

function focusModel(
  input: CompareInput,
  indicator: Indicator,
  selectedOrgs: Organization[],
  unitsKey: string,
): FocusModel {
  const { year } = input
  const years = input.selection.years
  const error = input.problems.get(indicator.id) ?? null
  const at = (org: Organization, y: number) => cellOf(input, indicator, org.id, y)

  const districtOrg = selectedOrgs.find((o) => o.type === 'district') ?? null
  const units = selectedOrgs.filter((o) => o.type !== 'district')
  const ranking = rankingOf(input, indicator, units, unitsKey).ranked
  const target = shownTarget(indicator, input.showDemo)
  const districtCell = districtOrg ? at(districtOrg, year) : null
  const district =
    districtOrg && districtCell
      ? {
          org: districtOrg,
          cell: districtCell,
          rank: null,
          met:
            districtCell.value === null
              ? null
              : metTarget(target, indicator.direction, districtCell.value),
        }
      : null

  // The district average is a property of the district, not of the selection: all its units.
  const allUnits = input.organizations.filter((o) => o.type !== 'district')
  const unitCells = allUnits.map((o) => at(o, year))
  const withValue = unitCells.filter((c) => c.value !== null)
  const average = {
    value: mean(withValue.map((c) => c.value)),
    count: withValue.length,
    demo: withValue.some((c) => c.demo),
  }

  const orgs = [...(districtOrg ? [districtOrg] : []), ...ranking.map((r) => r.org)]
  const cells = orgs.map((o) => years.map((y) => at(o, y)))
  const changes = sortChanges(
    orgs.map((org) => {
      const current = at(org, year)
      const base = at(org, year - 1)
      return { org, current, base, change: derivedOf(input, indicator, org.id, year).change }
    }),
    indicator,
  )
  const trendOrgs = orgs
    .map((_, i) => i)
    .filter((i) => cells[i]!.some((c) => c.value !== null))
    .slice(0, TREND_LINES)
  return {
    indicator,
    target,
    error,
    year,
    ranking,
    district,
    average,
    orgs,
    years,
    cells,
    changes,
    trendOrgs,
  }
}

/** Whether any indicator of the catalogue has a target to show with the demo switch as it is. */
export function hasShownTargets(input: Pick<CompareInput, 'indicators' | 'showDemo'>): boolean {
  return input.indicators.some((i) => shownTarget(i, input.showDemo) !== null)
}

function radarModel(input: CompareInput, selected: Indicator[]): RadarModel {
  const org = input.organizations.find((o) => o.id === input.orgId) ?? null
  const items: RadarItem[] = []
  const missing: Indicator[] = []
  const noTarget: Indicator[] = []
  for (const indicator of selected) {
    const target = shownTarget(indicator, input.showDemo)
    if (target === null) {
      noTarget.push(indicator)
      continue
    }
    const cell = org ? cellOf(input, indicator, org.id, input.year) : EMPTY
    const a = attainment(cell.value, target.value, indicator.direction)
    if (a.percent === null) missing.push(indicator)
    else items.push({ indicator, target, cell, attainment: a })
  }
  return {
    available: hasShownTargets(input),
    org,
    year: input.year,
    items: items.slice(0, RADAR_AXES),
    more: items.slice(RADAR_AXES),
    missing,
    noTarget,
  }
}

/**
 * A table row. Its cells for the selected years are looked up when first read (sorting by a year,
 * the rows in view, the CSV): 50,000 rows do not build 500,000 cell lists on every change.
 */
function tableRow(
  input: CompareInput,
  org: Organization,
  indicator: Indicator,
  years: readonly number[],
  current: ValueCell,
  rest: Pick<TableRow, 'change' | 'attain' | 'rank' | 'tied' | 'orgOrder' | 'indicatorOrder'>,
): TableRow {
  // A plain object with a getter, not a class: the build's target (Chromium 83) lowers class
  // fields and #private fields to helper calls per field and row, which took ~40 % of a
  // city-scale selection change (50,000 rows).
  let cells: ValueCell[] | null = null
  return {
    key: `${indicator.id}|${org.id}`,
    org,
    indicator,
    years,
    current,
    target: shownTarget(indicator, input.showDemo),
    change: rest.change,
    attain: rest.attain,
    rank: rest.rank,
    tied: rest.tied,
    orgOrder: rest.orgOrder,
    indicatorOrder: rest.indicatorOrder,
    get cells(): ValueCell[] {
      if (!cells) cells = years.map((y) => cellOf(input, indicator, org.id, y))
      return cells
    },
  }
}

export function buildCompareModel(input: CompareInput): CompareModel {
  const { selection, year } = input
  const indicatorSet = new Set(selection.indicatorIds)
  const orgSet = new Set(selection.orgIds)
  const indicators = input.indicators.filter((i) => indicatorSet.has(i.id))
  const orgs = input.organizations.filter((o) => orgSet.has(o.id))
  const focusIndicator = indicators.find((i) => i.id === selection.focusId) ?? indicators[0] ?? null

  // Orders independent of the selection: catalogue and organizations.json.
  const indicatorOrder = new Map(input.indicators.map((i, n) => [i.id, n]))
  const orgOrder = new Map(input.organizations.map((o, n) => [o.id, n]))
  const units = orgs.filter((o) => o.type !== 'district')
  const unitsKey = units.map((o) => o.id).join(',')
  const rows: TableRow[] = []
  for (const indicator of indicators) {
    const { ranks } = rankingOf(input, indicator, units, unitsKey)
    const order = indicatorOrder.get(indicator.id)!
    for (const org of orgs) {
      const { change, attain } = derivedOf(input, indicator, org.id, year)
      const rank = ranks.get(org.id)
      rows.push(
        tableRow(input, org, indicator, selection.years, cellOf(input, indicator, org.id, year), {
          change,
          attain,
          rank: rank?.rank ?? null,
          tied: rank?.tied ?? false,
          orgOrder: orgOrder.get(org.id)!,
          indicatorOrder: order,
        }),
      )
    }
  }

  return {
    hasTargets: hasShownTargets(input),
    indicators,
    orgs,
    years: selection.years,
    year,
    focus: focusIndicator ? focusModel(input, focusIndicator, orgs, unitsKey) : null,
    radar: radarModel(input, indicators),
    rows,
  }
}
