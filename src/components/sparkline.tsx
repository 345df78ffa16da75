import { formatNumber, NO_DATA } from '@/lib/format'
import {
  changeArrow,
  describeChange,
  shortChange,
  type YearChange,
  type YearPoint,
} from '@/lib/year-change'
import './sparkline.css'

/**
 * The 同比 mark and a sparkline of the available years, shared by the metric cards and the
 * comparison view. The maths is in src/lib/year-change.ts; the sparkline is a tiny inline SVG (no
 * ECharts), so a page of cards stays light.
 */

export function YearChangeMark({
  change,
  unit,
  prefix = '同比',
}: {
  change: YearChange
  unit: string
  prefix?: string
}) {
  const words = describeChange(change, unit)
  return (
    <span
      className={`yoy yoy--${change.tone}${change.demo ? ' yoy--demo' : ''}`}
      role="img"
      aria-label={words}
      title={words}
      data-tone={change.tone}
    >
      <span className="yoy__prefix">{prefix}</span>
      {change.tone !== 'flat' && changeArrow(change) && (
        <span aria-hidden="true">{changeArrow(change)}</span>
      )}
      <span>{shortChange(change, unit)}</span>
      {/* Worked out from a demo value: said in words, as every demo figure is (not only hatched). */}
      {change.demo && change.delta !== null && <span className="yoy__demo">示例</span>}
    </span>
  )
}

export interface SparklineProps {
  points: readonly YearPoint[]
  /** The year shown on the card, drawn as the larger dot. */
  currentYear: number
  unit: string
  width?: number
  height?: number
}

/** "2022年 90%(示例),2023年 无数据,2024年 100%" */
export function describePoints(points: readonly YearPoint[], unit: string): string {
  return points
    .map((p) =>
      p.value === null
        ? `${p.year}年 ${NO_DATA}`
        : `${p.year}年 ${formatNumber(p.value)}${unit}${p.demo ? '(示例)' : ''}`,
    )
    .join(',')
}

/**
 * The available years as a tiny line: a gap where a year has no value (never a drop to 0), demo
 * years as hollow dots on a dashed line, the card's year as the larger dot. A value that is not one
 * calendar year's is left out as a gap.
 */
export function Sparkline({
  points: given,
  currentYear,
  unit,
  width = 72,
  height = 22,
}: SparklineProps) {
  // A figure over another period (近3年, 2012年以来) is no point of a yearly line: a gap.
  const points = given.map((p) => (p.annual ? p : { ...p, value: null }))
  const label = `近年走势:${describePoints(points, unit)}`
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]))
  const pad = 3
  const min = values.length ? Math.min(...values) : 0
  const max = values.length ? Math.max(...values) : 0
  const span = max - min
  const x = (i: number) =>
    points.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1)
  const y = (v: number) =>
    span === 0 ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad)
  const segments: { key: string; d: string; demo: boolean }[] = []
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    if (a.value === null || b.value === null) continue
    segments.push({
      key: `${a.year}-${b.year}`,
      d: `M${x(i - 1).toFixed(1)} ${y(a.value).toFixed(1)}L${x(i).toFixed(1)} ${y(b.value).toFixed(1)}`,
      demo: a.demo || b.demo,
    })
  }
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {segments.map((s) => (
        <path
          key={s.key}
          d={s.d}
          className={s.demo ? 'sparkline__line sparkline__line--demo' : 'sparkline__line'}
        />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle
            key={p.year}
            cx={x(i)}
            cy={y(p.value)}
            r={p.year === currentYear ? 2.8 : 1.9}
            className={[
              'sparkline__dot',
              p.demo ? 'sparkline__dot--demo' : '',
              p.year === currentYear ? 'sparkline__dot--current' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          />
        ),
      )}
    </svg>
  )
}
