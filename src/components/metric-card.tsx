import { useMemo, type CSSProperties } from 'react'
import { pickCell, type Cell, type ObservationIndex } from '@/domain/observation-index'
import { metTarget, shownTarget } from '@/domain/targets'
import { isAnnual, NOT_ANNUAL_NOTE, periodLabel } from '@/domain/period'
import type { Indicator } from '@/domain/schemas'
import { formatIndicatorValue, formatValue, NO_DATA } from '@/lib/format'
import { SourceNote } from './source-note'
import { Sparkline, YearChangeMark } from './sparkline'
import { yearOverYear, type YearPoint } from '@/lib/year-change'
import { DEMO_TARGET_TITLE, DemoBadge } from './state-views'
import './metric-card.css'

/**
 * What a card needs to show its other years: the index and the same filters its own cell was
 * picked with (a page that hides demo data hides it in the sparkline too).
 */
export interface CardTrendInput {
  index: ObservationIndex
  problems: ReadonlyMap<string, string>
  orgId: string
  year: number
  /** The years the data covers (meta.years). */
  years: readonly number[]
  showDemo: boolean
}

interface MetricCardProps {
  indicator: Indicator
  cell: Cell
  accent: string
  reportTitle: string
  /** Whether demo data is shown: a demo target (and 达标 against it) is shown only with it. */
  showDemo: boolean
  /** Given, the card also shows the year-over-year change and a sparkline of the years. */
  trend?: CardTrendInput
}

/** The indicator's value in each year of `years`, as the card would show it (hidden demo = null). */
export function cardPoints(indicator: Indicator, t: CardTrendInput): YearPoint[] {
  return [...t.years]
    .sort((a, b) => a - b)
    .map((year) => {
      const cell = pickCell(indicator, t.index, t.orgId, year, t.showDemo, t.problems)
      const obs = cell.state === 'value' ? cell.observation : null
      return {
        year,
        value: obs?.value ?? null,
        demo: obs?.status === 'demo',
        qualifier: obs?.qualifier ?? null,
        annual: obs ? isAnnual(obs) : true,
      }
    })
}

function CardTrend({ indicator, trend }: { indicator: Indicator; trend: CardTrendInput }) {
  const points = useMemo(() => cardPoints(indicator, trend), [indicator, trend])
  // No other year has a value (e.g. demo years hidden): there is no history to show.
  if (!points.some((p) => p.year !== trend.year && p.value !== null)) return null
  const change = yearOverYear(points, trend.year, indicator.direction)
  return (
    <div className="metric-card__trend">
      {points.length > 1 && (
        <Sparkline points={points} currentYear={trend.year} unit={indicator.unit} />
      )}
      <YearChangeMark change={change} unit={indicator.unit} />
    </div>
  )
}

function TargetLine({
  indicator,
  value,
  showDemo,
}: {
  indicator: Indicator
  value: number | null
  showDemo: boolean
}) {
  const target = shownTarget(indicator, showDemo)
  if (target === null) return <span className="metric-card__target" />
  const text = formatValue(target.value, indicator.unit).text
  const met = value === null ? null : metTarget(target, indicator.direction, value)
  const origin =
    target.origin.kind === 'document'
      ? `目标依据:《${target.origin.document}》「${target.origin.sentence}」`
      : undefined
  return (
    <span className="metric-card__target" data-target-demo={target.demo} title={origin}>
      <span>目标 {text}</span>
      {met === true && <span className="tag tag--met">✓ 达标</span>}
      {met === false && <span className="tag tag--below">▲ 未达标</span>}
      {target.demo && <DemoBadge title={DEMO_TARGET_TITLE} />}
    </span>
  )
}

/**
 * One indicator: value with unit and qualifier, target and whether it is met, and its source;
 * with `trend`, also the change on the year before and a sparkline of the years.
 */
export function MetricCard({
  indicator,
  cell,
  accent,
  reportTitle,
  showDemo,
  trend,
}: MetricCardProps) {
  const obs = cell.state === 'value' ? cell.observation : null
  const formatted = obs ? formatIndicatorValue(indicator, obs.value, obs.qualifier) : null
  const demo = obs?.status === 'demo'
  const period = obs ? periodLabel(obs.period, obs.year) : null
  const label =
    cell.state === 'value' && formatted
      ? `${indicator.name} ${formatted.text}${period ? `(${period})` : ''}${demo ? '(示例数据)' : ''}`
      : `${indicator.name} ${cell.state === 'error' ? '数据错误' : NO_DATA}`
  const value = formatted ? (
    <p className="metric-card__value">
      <span className="metric-card__figure">{formatted.figure}</span>
      <span className="metric-card__unit">{formatted.unit}</span>
    </p>
  ) : cell.state === 'error' ? (
    <p className="metric-card__error" role="alert">
      ⚠ {cell.message}
    </p>
  ) : (
    <p className="metric-card__value metric-card__value--none">
      {NO_DATA}
      {/* Not 示例数据已隐藏: with demo data hidden nothing says 示例 (and the config may hide it for good). */}
      {cell.state === 'hidden-demo' && <span className="metric-card__hint">(报告未提供)</span>}
    </p>
  )
  return (
    <article
      className={`metric-card metric-card--${cell.state}${demo ? ' metric-card--demo' : ''}`}
      style={{ '--accent': accent } as CSSProperties}
      data-indicator-id={indicator.id}
      data-status={obs?.status ?? cell.state}
      aria-label={label}
    >
      <header className="metric-card__head">
        <h4 className="metric-card__name" title={indicator.name}>
          {indicator.shortName}
        </h4>
        {demo && <DemoBadge />}
      </header>
      {trend && cell.state !== 'error' ? (
        <div className="metric-card__main">
          {value}
          {/* A figure over another period (近3年, 2012年以来, a single event) has no 同比 or
              sparkline: its period stands there instead. */}
          {period ? (
            <span className="metric-card__period" title={NOT_ANNUAL_NOTE}>
              {period}
            </span>
          ) : (
            <CardTrend indicator={indicator} trend={trend} />
          )}
        </div>
      ) : (
        <>
          {value}
          {period && (
            <span className="metric-card__period" title={NOT_ANNUAL_NOTE}>
              {period}
            </span>
          )}
        </>
      )}
      <footer className="metric-card__foot">
        <TargetLine indicator={indicator} value={obs?.value ?? null} showDemo={showDemo} />
        <SourceNote
          title={indicator.name}
          source={indicator.source}
          definition={indicator.definition}
          reportTitle={reportTitle}
        />
      </footer>
    </article>
  )
}
