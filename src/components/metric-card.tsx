import type { CSSProperties } from 'react'
import { metTarget, type Cell } from '@/domain/select'
import type { Indicator } from '@/domain/schemas'
import { formatIndicatorValue, formatValue, NO_DATA } from '@/lib/format'
import { SourceNote } from './source-note'
import { DemoBadge } from './state-views'

interface MetricCardProps {
  indicator: Indicator
  cell: Cell
  accent: string
  reportTitle: string
}

function TargetLine({ indicator, value }: { indicator: Indicator; value: number | null }) {
  if (indicator.target === null) return <span className="metric-card__target" />
  const target = formatValue(indicator.target, indicator.unit).text
  const met = value === null ? null : metTarget(indicator, value)
  return (
    <span className="metric-card__target">
      目标 {target}
      {met === true && <span className="tag tag--met">✓ 达标</span>}
      {met === false && <span className="tag tag--below">▲ 未达标</span>}
    </span>
  )
}

/** One indicator: value with unit and qualifier, target and whether it is met, and its source. */
export function MetricCard({ indicator, cell, accent, reportTitle }: MetricCardProps) {
  const obs = cell.state === 'value' ? cell.observation : null
  const formatted = obs ? formatIndicatorValue(indicator, obs.value, obs.qualifier) : null
  const demo = obs?.status === 'demo'
  const label =
    cell.state === 'value' && formatted
      ? `${indicator.name} ${formatted.text}${demo ? '(示例数据)' : ''}`
      : `${indicator.name} ${cell.state === 'error' ? '数据错误' : NO_DATA}`
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
      {formatted ? (
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
          {cell.state === 'hidden-demo' && (
            <span className="metric-card__hint">(示例数据已隐藏)</span>
          )}
        </p>
      )}
      <footer className="metric-card__foot">
        <TargetLine indicator={indicator} value={obs?.value ?? null} />
        <SourceNote indicator={indicator} reportTitle={reportTitle} />
      </footer>
    </article>
  )
}
