import type { Indicator, Observation, Organization } from './schemas'

/**
 * Pure functions over the parsed data: index observations, pick the value a card or chart shows,
 * and check what a schema alone cannot (a rate outside 0–100, a negative count).
 */

export interface ObservationIndex {
  get(indicatorId: string, orgId: string, year: number): Observation | undefined
  forIndicator(indicatorId: string): Observation[]
}

const key = (indicatorId: string, orgId: string, year: number) => `${indicatorId}|${orgId}|${year}`

export function indexObservations(observations: Observation[]): ObservationIndex {
  const byKey = new Map<string, Observation>()
  const byIndicator = new Map<string, Observation[]>()
  for (const o of observations) {
    byKey.set(key(o.indicatorId, o.orgId, o.year), o)
    const list = byIndicator.get(o.indicatorId)
    if (list) list.push(o)
    else byIndicator.set(o.indicatorId, [o])
  }
  return {
    get: (i, org, y) => byKey.get(key(i, org, y)),
    forIndicator: (i) => byIndicator.get(i) ?? [],
  }
}

/** Why a value may not be drawn, in words; null when it is fine. */
export function valueProblem(indicator: Pick<Indicator, 'kind'>, value: number): string | null {
  if (!Number.isFinite(value)) return '数据格式错误:数值应为有限数字'
  if (value < 0) return '数据异常:数值不能为负数'
  if (indicator.kind === 'rate' && value > 100) return '数据异常:比率应在 0–100% 之间'
  // No figure of a district's rule-of-law report comes near a trillion; larger is a data error.
  if (value >= 1e12) return '数据异常:数值超出合理范围'
  return null
}

export type Cell =
  | { state: 'value'; observation: Observation }
  | { state: 'missing' }
  | { state: 'hidden-demo' }
  | { state: 'error'; message: string }

/**
 * What a card shows for one indicator, organisation and year: the observation, nothing (无数据),
 * a demo value hidden by the switch, or an error. Demo values never pass as reported ones.
 */
export function pickCell(
  indicator: Indicator,
  index: ObservationIndex,
  orgId: string,
  year: number,
  showDemo: boolean,
  problems: ReadonlyMap<string, string>,
): Cell {
  const problem = problems.get(indicator.id)
  if (problem) return { state: 'error', message: problem }
  const observation = index.get(indicator.id, orgId, year)
  if (!observation) return { state: 'missing' }
  if (observation.status === 'demo' && !showDemo) return { state: 'hidden-demo' }
  const bad = valueProblem(indicator, observation.value)
  if (bad) return { state: 'error', message: bad }
  return { state: 'value', observation }
}

/**
 * Problems keyed by indicator: malformed items from the API and values no indicator may have.
 * Items whose indicator cannot be read are reported under the key '*'.
 */
export function collectProblems(
  indicators: Indicator[],
  observations: Observation[],
  itemProblems: { key: string | null; message: string }[],
): Map<string, string> {
  const problems = new Map<string, string>()
  for (const p of itemProblems) {
    const k = p.key ?? '*'
    if (!problems.has(k)) problems.set(k, p.message)
  }
  const byId = new Map(indicators.map((i) => [i.id, i]))
  for (const o of observations) {
    const indicator = byId.get(o.indicatorId)
    if (!indicator) continue
    const bad = valueProblem(indicator, o.value)
    if (bad && !problems.has(o.indicatorId)) problems.set(o.indicatorId, bad)
  }
  return problems
}

export function organizationsFor(indicator: Indicator, orgs: Organization[]): Organization[] {
  if (indicator.breakdown === 'none') return []
  return orgs.filter((o) => o.type === indicator.breakdown)
}
