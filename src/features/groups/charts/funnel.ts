import { baseOption, labelWidth } from '@/lib/echarts/option-base'
import { DEMO_SUFFIX, DERIVED } from '@/lib/charts/chart-view'
import { formatShare } from '@/lib/format'
import type { ChartTheme } from '@/lib/theme/themes'
import type { ChartOption } from '@/lib/echarts/types'
import { rowAt, rowTooltip, type ChartRow } from './chart-rows'

/** The height of a line of a step's words, px. */
const LINE_HEIGHT = 18

/**
 * Each step's share of the step before it, labelled as derived; '' for the first, and for a step
 * counted in another unit than the one before it: 预警风险72次 of 增量文件401份 is no share (the
 * report does not say the 72 warnings fell on 72 of the files), so none is made up.
 */
export function stepShares(rows: ChartRow[]): string[] {
  return rows.map((row, i) => {
    const prev = rows[i - 1]
    if (!prev || prev.unit !== row.unit) return ''
    return `占上一环节 ${formatShare(row.value, prev.value)}${DERIVED}`
  })
}

/** `#rrggbb` at `alpha`; any other colour as it is. */
export function faded(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  if (!hex) return color
  const [r, g, b] = hex.slice(1).map((h) => parseInt(h, 16))
  return `rgba(${r},${g},${b},${Math.max(0, Math.min(1, alpha))})`
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
  const labelOf = (i: number) => {
    const row = rows[i]
    if (!row) return ''
    const share = shares[i] ? `\n${shares[i]}` : ''
    return `${row.label}\n${row.text}${row.demo ? DEMO_SUFFIX : ''}${share}`
  }
  const labelRoom = Math.max(...rows.map((_, i) => labelWidth(labelOf(i), theme.fontSize))) + 24
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
        // The words right of the steps get the room their longest line needs (+ the label line);
        // the steps take the rest: at 52% of the width the share line was cut on narrow panels.
        left: '2%',
        right: labelRoom,
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
          formatter: (p: { dataIndex: number }) => labelOf(p.dataIndex),
        },
        labelLine: { show: true, length: 12, lineStyle: { color: theme.axis } },
        itemStyle: { borderWidth: 0 },
        data: rows.map((r, i) => ({
          name: r.label,
          value: r.value ?? 0,
          // Faded by the colour's alpha, not by opacity: ECharts fades a step's words with its
          // opacity (废止违规文件 3份(示例) read at 1.5:1 on the white of an exported image).
          itemStyle: { color: faded(accent, (r.demo ? 0.5 : 0.95) - i * 0.15) },
        })),
      },
    ],
  }
}
