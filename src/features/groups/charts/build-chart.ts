import { pickCell, type ObservationIndex } from '@/domain/observation-index'
import { metTarget, shownTarget } from '@/domain/targets'
import type { Indicator, Observation } from '@/domain/schemas'
import { periodLabel } from '@/domain/period'
import { formatIndicatorValue, NO_DATA } from '@/lib/format'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { buildBarsOption } from './bars'
import type { ChartRow } from './chart-rows'
import { buildFunnelOption } from './funnel'
import type { ChartSpec } from './group-charts'
import { buildRingsOption } from './rings'

export interface ChartInput {
  indicators: ReadonlyMap<string, Indicator>
  index: ObservationIndex
  problems: ReadonlyMap<string, string>
  orgId: string
  year: number
  showDemo: boolean
  /** Names for what an exported image says about itself (optional: pure tests do without). */
  context?: ChartContext
}

export interface ChartContext {
  organization: string
  /** The unit's name when it is not the whole district (for file names), else null. */
  fileUnit: string | null
  period: string
  source: string
  groupNames: Record<string, string>
}

/**
 * The value as text, with what it covers when not the year: "283份 · 2012年以来累计" (a bar of a
 * look-back over twelve years must not read as one year's count beside the others).
 */
export function valueWithPeriod(indicator: Indicator, obs: Observation): string {
  const text = formatIndicatorValue(indicator, obs.value, obs.qualifier).text
  const period = periodLabel(obs.period, obs.year)
  return period ? `${text} · ${period}` : text
}

/** What a card or chart shows for `indicator` under the input's organisation, year and demo switch. */
export function cellOf(indicator: Indicator, input: ChartInput) {
  return pickCell(indicator, input.index, input.orgId, input.year, input.showDemo, input.problems)
}

export type ChartRowsResult = { rows: ChartRow[]; error: string | null }

/** The rows of a chart for the chosen organisation and year; the first problem makes it an error. */
export function chartRows(spec: ChartSpec, input: ChartInput): ChartRowsResult {
  const rows: ChartRow[] = []
  for (const id of spec.indicatorIds) {
    const indicator = input.indicators.get(id)
    if (!indicator) return { rows: [], error: `数据缺失:指标「${id}」不在指标目录中` }
    const cell = cellOf(indicator, input)
    if (cell.state === 'error') return { rows: [], error: `${indicator.shortName}:${cell.message}` }
    const obs = cell.state === 'value' ? cell.observation : null
    const target = shownTarget(indicator, input.showDemo)
    rows.push({
      id,
      label: indicator.shortName,
      value: obs?.value ?? null,
      text: obs ? valueWithPeriod(indicator, obs) : NO_DATA,
      unit: indicator.unit,
      demo: obs?.status === 'demo',
      target,
      met: obs ? metTarget(target, indicator.direction, obs.value) : null,
    })
  }
  return { rows, error: null }
}

export function buildChartOption(
  spec: ChartSpec,
  rows: ChartRow[],
  theme: ChartTheme,
): ChartOption {
  const accent = theme.accents[spec.group]
  switch (spec.kind) {
    case 'rings':
      return buildRingsOption(rows, theme, accent)
    case 'funnel':
      return buildFunnelOption(rows, theme, accent)
    case 'bars':
      return buildBarsOption(rows, theme, accent)
  }
}
