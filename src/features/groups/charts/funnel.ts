import { baseOption } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, DERIVED } from '@/lib/charts/chart-view'
import { formatShare } from '@/lib/format'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { rowAt, rowTooltip, type ChartRow } from './chart-rows'

/** The height of a line of a step's words, px. */
const LINE_HEIGHT = 18

/** Each step's share of the step before it (72 / 401), labelled as derived; '' for the first. */
export function stepShares(rows: ChartRow[]): string[] {
  return rows.map((row, i) => {
    const prev = rows[i - 1]
    if (!prev) return ''
    return `占上一环节 ${formatShare(row.value, prev.value)}${DERIVED}`
  })
}

/**
 * A review → risk → repeal funnel. Step widths are ordered, not to scale (3767 → 3 would be a
 * hairline), which the panel says; the numbers are on every step.
 */
export function buildFunnelOption(
  rows: ChartRow[],
  theme: ChartTheme,
  accent: string,
): ChartOption {
  const shares = stepShares(rows)
  return {
    ...baseOption(theme),
    tooltip: {
      ...baseOption(theme).tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number }).dataIndex
        const row = rowAt(rows, i)
        return row ? rowTooltip(row, shares[i as number] ? [shares[i as number]!] : []) : ''
      },
    },
    series: [
      {
        type: 'funnel',
        id: 'steps',
        left: '2%',
        width: '52%',
        top: 6,
        bottom: 6,
        sort: 'none',
        // The steps share a straight right edge and the words stand right of it: beside a
        // slanted side (centred funnel) they began inside the wide top of the first step.
        funnelAlign: 'right',
        minSize: '34%',
        maxSize: '100%',
        gap: 3,
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: theme.fontSize,
          fontFamily: theme.fontFamily,
          lineHeight: LINE_HEIGHT,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex]
            if (!row) return ''
            const share = shares[p.dataIndex] ? `\n${shares[p.dataIndex]}` : ''
            return `${row.label}\n${row.text}${row.demo ? DEMO_SUFFIX : ''}${share}`
          },
        },
        labelLine: { show: true, length: 12, lineStyle: { color: theme.axis } },
        itemStyle: { borderWidth: 0 },
        data: rows.map((r, i) => ({
          name: r.label,
          value: r.value ?? 0,
          itemStyle: { color: accent, opacity: (r.demo ? 0.5 : 0.95) - i * 0.15 },
        })),
      },
    ],
  }
}
