import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  chartExport,
  chartRegistry,
  DEMO_SUFFIX,
  summarize,
  type ChartView,
} from '@/lib/charts/chart-view'
import { baseOption } from '@/lib/echarts/option-base'
import { THEMES } from '@/lib/theme/themes'
import { NO_DATA } from '@/lib/format'
import { RegisteredCharts } from './chart-panel'

// ---- The worked example of docs/architecture.md, "Adding a chart" (keep the two the same). ----

interface CasesInput {
  year: number
  source: string
  rows: { org: string; cases: number | null; demo: boolean }[]
}

export const casesCharts = chartRegistry<CasesInput>()

export function casesView({ year, source, rows }: CasesInput): ChartView {
  const text = (r: CasesInput['rows'][number]) =>
    r.cases === null ? NO_DATA : `${r.cases}件${r.demo ? DEMO_SUFFIX : ''}`
  return {
    id: 'cases-by-org',
    title: '办理案件数',
    subtitle: `${year}年(件)`,
    option: (theme) => ({
      ...baseOption(theme, rows.length),
      xAxis: { type: 'category', data: rows.map((r) => r.org) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.cases ?? '-'),
          itemStyle: { color: theme.accents['enforcement-team'] },
        },
      ],
    }),
    table: {
      columns: ['单位', `${year}年(件)`],
      rows: rows.map((r) => ({ key: r.org, cells: [r.org, text(r)] })),
    },
    summary: `办理案件数 ${year}年:${summarize(rows.map((r) => `${r.org} ${text(r)}`))}`,
    state: rows.some((r) => r.cases !== null)
      ? { kind: 'ready' }
      : { kind: 'empty', message: `${year}年没有案件数据` },
    hasDemo: rows.some((r) => r.demo),
    hasDerived: false,
    export: {
      title: '办理案件数',
      group: '执法队伍建设',
      organization: '各单位',
      period: `${year}年度`,
      unit: '件',
      source,
      year,
      accent: THEMES.briefing.accents['enforcement-team'],
    },
  }
}

casesCharts.register({ id: 'cases-by-org', name: '办理案件数', build: casesView })

// ---- end of the example ----

const INPUT: CasesInput = {
  year: 2024,
  source: '通州湾示范区2024年法治政府建设情况报告',
  rows: [
    { org: '三余镇', cases: 12, demo: false },
    { org: '海晏镇', cases: 7, demo: true },
    { org: '东安镇', cases: null, demo: false },
  ],
}

describe('adding a chart: one builder, one registration (docs/architecture.md)', () => {
  it('renders the registered builder through ChartPanel: title, marks, name, table', () => {
    render(<RegisteredCharts entries={casesCharts.entries()} input={INPUT} height={300} />)
    const panel = screen.getByRole('region', { name: '办理案件数' })
    expect(panel).toHaveAttribute('data-chart-id', 'cases-by-org')
    expect(within(panel).getByRole('heading', { level: 4 })).toHaveTextContent(
      '办理案件数2024年(件)',
    )
    expect(within(panel).getByText('含示例数据')).toBeInTheDocument()
    expect(within(panel).getByRole('button', { name: '导出图片' })).toBeInTheDocument()
    expect(within(panel).getByRole('img')).toHaveAccessibleName(
      '办理案件数 2024年:三余镇 12件,海晏镇 7件(示例),东安镇 无数据',
    )
    fireEvent.click(within(panel).getByRole('button', { name: '表格' }))
    // Its scroll box is reachable by keyboard, and says what it holds.
    const box = within(panel).getByRole('region', { name: /\(表格\)$/ })
    expect(box).toHaveAttribute('tabindex', '0')
    const rows = within(panel)
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent))
    expect(rows).toEqual([
      ['单位', '2024年(件)'],
      ['三余镇', '12件'],
      ['海晏镇', '7件(示例)'],
      ['东安镇', NO_DATA],
    ])
    fireEvent.click(within(panel).getByRole('button', { name: '图表' }))
  })

  it('assembles the export from the view: title band, footer and file name', () => {
    const view = casesView(INPUT)
    const info = chartExport(view, new Date('2024-12-31T20:00:00Z'))!
    expect(info.fileName).toBe('执法队伍建设-办理案件数-2024-20250101.png')
    expect(info.text.title).toBe('办理案件数')
    expect(info.text.subtitle).toBe('执法队伍建设 · 各单位 · 2024年度 · 单位:件')
    expect(info.text.footer).toEqual([
      `数据来源:《${INPUT.source}》`,
      '含示例数据:标“示例”的数值为演示用,非报告数字',
      '导出于 2025-01-01',
    ])
    expect(info.accent).toBe(THEMES.briefing.accents['enforcement-team'])
    expect(view.option(THEMES.briefing.chart).series).toHaveLength(1)
  })

  it('says why there is nothing to draw, with no export and no demo mark', () => {
    const input = { ...INPUT, rows: [{ org: '三余镇', cases: null, demo: false }] }
    render(<RegisteredCharts entries={casesCharts.entries()} input={input} height={300} />)
    const panel = screen.getByRole('region', { name: '办理案件数' })
    expect(within(panel).getByText('2024年没有案件数据')).toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: '导出图片' })).toBeNull()
    expect(within(panel).queryByText('含示例数据')).toBeNull()
    expect(within(panel).queryByRole('img')).toBeNull()
  })

  it('refuses a second chart with the same id', () => {
    expect(() => casesCharts.register({ id: 'cases-by-org', name: 'x', build: casesView })).toThrow(
      /registered twice/,
    )
  })
})
