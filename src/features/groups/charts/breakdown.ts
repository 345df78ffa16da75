import { pickCell, type ObservationIndex } from '@/domain/observation-index'
import { metTarget, shownTarget } from '@/domain/targets'
import type { Indicator, Organization } from '@/domain/schemas'
import { NO_DATA } from '@/lib/format'
import { valueWithPeriod } from './build-chart'
import type { ChartRow } from './chart-rows'

interface BreakdownInput {
  indicator: Indicator
  index: ObservationIndex
  problems: ReadonlyMap<string, string>
  showDemo: boolean
}

function row(
  id: string,
  label: string,
  b: BreakdownInput,
  orgId: string,
  year: number,
): ChartRow | string {
  const cell = pickCell(b.indicator, b.index, orgId, year, b.showDemo, b.problems)
  if (cell.state === 'error') return cell.message
  const obs = cell.state === 'value' ? cell.observation : null
  const target = shownTarget(b.indicator, b.showDemo)
  return {
    id,
    label,
    value: obs?.value ?? null,
    text: obs ? valueWithPeriod(b.indicator, obs) : NO_DATA,
    unit: b.indicator.unit,
    demo: obs?.status === 'demo',
    target,
    met: obs ? metTarget(target, b.indicator.direction, obs.value) : null,
  }
}

function collect(entries: (ChartRow | string)[]): { rows: ChartRow[]; error: string | null } {
  const error = entries.find((e): e is string => typeof e === 'string')
  return error ? { rows: [], error } : { rows: entries as ChartRow[], error: null }
}

/** One indicator across the years the data covers, for one organisation. */
export function rowsByYear(b: BreakdownInput, years: number[], orgId: string) {
  return collect(years.map((y) => row(String(y), `${y}年`, b, orgId, y)))
}

/** One indicator across the organisations it is split by, for one year. */
export function rowsByOrganization(b: BreakdownInput, orgs: Organization[], year: number) {
  return collect(orgs.map((o) => row(o.id, o.shortName, b, o.id, year)))
}
