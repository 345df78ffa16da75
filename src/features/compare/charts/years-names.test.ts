// @vitest-environment node
// Node, not jsdom: ECharts then measures text itself instead of asking a canvas jsdom lacks.
import { describe, expect, it } from 'vitest'
import { DataZoomComponent } from 'echarts/components'
import { echarts } from '@/lib/echarts/core'
import { THEMES } from '@/lib/theme/themes'
import { indexObservations } from '@/domain/observation-index'
import { draw, outside, overlapping, type Box } from '../../../../tests/unit/echarts-ssr'
import { indicators, observations, organizations } from '../../../../tests/unit/report-data'
import { markedOrganization } from '@/domain/organizations'
import { buildCompareModel } from '../compare-model'
import { buildYearsOption } from './years'

echarts.use([DataZoomComponent])

/**
 * 分年度对比 with the page's first selection (8 departments × 2022–2024), drawn by ECharts itself
 * at the chart widths of the page: 468 px (a panel at 1366×768), 350 and 320 px (phones 390 and
 * 360 wide), 760 (1920×1080), 900 (1280×720) and between. Every group in view is named, whole (its
 * 示例单位 note too), no name over another: with every name on one line in 50 px groups only 3 of
 * the 8 were named.
 */

const theme = THEMES.desk.chart
// As the page shows them: a unit the report does not name carries (示例单位).
const marked = organizations.map(markedOrganization)
const departments = marked.filter((o) => o.type === 'department')

function focusOf(indicatorId: string, orgIds: string[]) {
  return buildCompareModel({
    indicators,
    organizations: marked,
    index: indexObservations(observations),
    problems: new Map(),
    selection: {
      indicatorIds: [indicatorId],
      orgIds,
      years: [2022, 2023, 2024],
      focusId: indicatorId,
      sort: null,
    },
    year: 2024,
    orgId: 'tzw',
    showDemo: true,
  }).focus!
}

/** The axis's names as drawn (each line its own text), below the plot. */
function drawnNames(
  width: number,
  focus = focusOf(
    'apply-power-deploy-rate',
    departments.map((o) => o.id),
  ),
) {
  const { texts, plotTop } = draw(buildYearsOption(focus, theme), width, 340)
  const lines = new Set(
    focus.orgs.flatMap((o) => o.shortName.replace(/(\(|（)/, '\n$1').split('\n')),
  )
  const names = texts.filter(
    (t) => t.y > plotTop + 100 && (lines.has(t.text) || t.text === '无数据'),
  )
  return { focus, texts, names }
}

const firstLines = (names: Box[]) => names.map((t) => t.text)

describe('分年度对比: every group in view is named', () => {
  // 320, 350: phones 360 and 390 wide; 458: a panel at 1366×768; 735: at 1920×1080; 864: 1280×720.
  for (const width of [320, 350, 420, 458, 560, 640, 735, 864]) {
    it(`at ${width} px`, () => {
      const { focus, texts, names } = drawnNames(width)
      expect(focus.orgs.filter((o) => o.shortName.includes('(示例单位)')).length).toBeGreaterThan(2)
      const named = focus.orgs.filter((o) =>
        firstLines(names).includes(o.shortName.replace(/(\(|（).*$/, '')),
      )
      // The names in view are the first ones (the slider moves on), each whole: its note under it.
      expect(named.length).toBeGreaterThanOrEqual(width < 400 ? 3 : 4)
      expect(named.map((o) => o.shortName)).toEqual(
        focus.orgs.slice(0, named.length).map((o) => o.shortName),
      )
      const notes = named.filter((o) => /\(|（/.test(o.shortName)).length
      expect(names.filter((t) => t.text === '(示例单位)').length).toBe(notes)
      expect(overlapping(names, 0.5)).toEqual([])
      expect(outside(texts, width)).toEqual([])
      // As wide as on a desk at 1920×1080 or 1280×720, all eight stand in view.
      if (width >= 735) expect(named.length).toBe(focus.orgs.length)
    })
  }

  it('a group with no value says 无数据 under its whole name', () => {
    const focus = focusOf(
      'petition-accept-rate',
      departments.map((o) => o.id),
    )
    const { texts } = draw(buildYearsOption(focus, theme), 468, 340)
    expect(texts.some((t) => t.text === '无数据')).toBe(true)
  })
})
