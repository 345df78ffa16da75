import type { Dataset } from '@/api/dataset'
import { metTarget, shownTarget } from '@/domain/targets'
import type { Fact, Group } from '@/domain/schemas'
import type { CardText } from '@/lib/export/render'
import type { DeckInput } from '@/lib/export/deck'
import type { DocxInput } from '@/lib/export/docx'
import { briefingOf, groupText } from '@/lib/briefing/model'
import { THEMES } from '@/lib/theme/themes'
import { NO_DATA } from '@/lib/format'
import { targetText, type ChartView } from '@/lib/charts/chart-view'
import { cellOf, valueWithPeriod, type ChartInput } from './build-chart'
import { chartsOfGroup } from './group-charts'
import { groupChartView } from './views'

/**
 * The content of exported group pages and the briefing deck, from the same data and filters as
 * the screen: cards as text, charts as options in the light briefing theme.
 */

/** A card as text; `demoTarget`: its note states a demo target (marked 示例 there). */
export type GroupCardText = CardText & { demoTarget: boolean }

export function groupCardTexts(data: Dataset, group: Group, input: ChartInput): GroupCardText[] {
  return (data.indicatorsByGroup.get(group.id) ?? []).map((indicator) => {
    const cell = cellOf(indicator, input)
    if (cell.state !== 'value') {
      return {
        name: indicator.shortName,
        value: cell.state === 'error' ? '数据错误' : NO_DATA,
        note: '',
        demo: false,
        demoTarget: false,
      }
    }
    const o = cell.observation
    // A demo target (shown only with the demo data) is marked 示例 in the note; the value's own
    // mark stays the value's (the deck shows values without notes).
    const target = shownTarget(indicator, input.showDemo)
    const met = target && metTarget(target, indicator.direction, o.value)
    return {
      name: indicator.shortName,
      value: valueWithPeriod(indicator, o),
      note: target
        ? [targetText(target, indicator.unit), met ? '✓ 达标' : '▲ 未达标'].join(' ')
        : '',
      demo: o.status === 'demo',
      demoTarget: target?.demo === true,
    }
  })
}

/**
 * The group's charts that have something to draw, as views with export metadata: the charts of
 * 导出本页图片 and of the deck.
 */
export function groupChartViews(group: Group, input: ChartInput): ChartView[] {
  return chartsOfGroup(group.id)
    .map((spec) => groupChartView(spec, input))
    .filter((v) => v.state.kind === 'ready' && v.export !== null)
}

/** A file's name stem: a unit's files carry its name (三余镇-矛盾纠纷化解), the district's do not. */
function unitFileName(data: Dataset, orgId: string, name: string): string {
  if (orgId === data.meta.region.id) return name
  const unit = data.organizations.find((o) => o.id === orgId)?.name
  return unit ? `${unit}-${name}` : name
}

/** The dataset with the report's statements without a number, once facts.json has come. */
type WithFacts = Dataset & { facts?: readonly Fact[] }

export function deckInput(data: WithFacts, input: ChartInput, title: string): DeckInput {
  const briefing = briefingOf(data, input)
  const notes = new Map(briefing.groups.map((g) => [g.group.id, groupText(g)]))
  const organization =
    data.organizations.find((o) => o.id === input.orgId)?.name ?? data.meta.region.name
  return {
    title,
    fileName: unitFileName(data, input.orgId, title),
    organization,
    period: `${input.year}年度`,
    year: input.year,
    source: data.meta.source.title,
    groups: data.groups.map((group) => ({
      name: group.fullName,
      accent: THEMES.briefing.accents[group.id],
      figures: groupCardTexts(data, group, input).map((c) => ({
        name: c.name,
        value: c.value,
        demo: c.demo,
      })),
      charts: groupChartViews(group, input),
      notes: notes.get(group.id) ?? '',
    })),
  }
}

/** 生成汇报材料: the briefing's words and the charts of its groups (one group on a group page). */
export function docxInput(data: WithFacts, input: ChartInput, group?: Group): DocxInput {
  const briefing = briefingOf(data, input, group?.id)
  return {
    briefing,
    charts: new Map(briefing.groups.map((g) => [g.group.id, groupChartViews(g.group, input)])),
    name: unitFileName(data, input.orgId, group ? group.name : '法治政府建设'),
  }
}
