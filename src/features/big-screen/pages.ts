import type { ScreenLayout } from './fit'

/** A group as the page planner needs it: its id, its pager name and how many charts it has. */
export interface GroupInfo {
  id: string
  title: string
  charts: number
}

/**
 * One page of the big screen: the overview (every group's cards and one chart each) or whole
 * groups (cards and all charts), side by side in columns as wide as `weights` (their chart counts).
 */
export interface PagePlan {
  id: string
  title: string
  kind: 'overview' | 'groups'
  groups: string[]
  weights: number[]
}

/** The narrowest a chart may be drawn on a wide wall (design px) and the spacing around it. */
export const MIN_CHART_WIDTH = 420
const GAP = 16
const PANEL_PADDING = 24
/** The canvas' side padding. */
const CANVAS_PADDING = 48

/** Design width that a set of groups needs side by side, charts at their narrowest. */
export function widthNeeded(groups: readonly GroupInfo[]): number {
  const columns = groups.map((g) => {
    const charts = Math.max(1, g.charts)
    return charts * MIN_CHART_WIDTH + (charts - 1) * GAP + PANEL_PADDING
  })
  return columns.reduce((a, b) => a + b, 0) + Math.max(0, groups.length - 1) * GAP
}

/** Every way to cut `items` into `parts` consecutive non-empty runs. */
function splits<T>(items: readonly T[], parts: number): T[][][] {
  if (parts === 1) return [[items.slice()]]
  const out: T[][][] = []
  for (let i = 1; i <= items.length - parts + 1; i++)
    for (const rest of splits(items.slice(i), parts - 1)) out.push([items.slice(0, i), ...rest])
  return out
}

/**
 * Groups per page on a wide wall: the fewest pages whose groups fit side by side (keeping the
 * catalogue order), and of those the most even split by chart count. A group that cannot fit even
 * alone gets a page of its own.
 */
export function packGroups(groups: readonly GroupInfo[], canvasWidth: number): GroupInfo[][] {
  const room = canvasWidth - CANVAS_PADDING
  for (let pages = 1; pages <= groups.length; pages++) {
    const fitting = splits(groups, pages).filter((split) =>
      split.every((page) => page.length === 1 || widthNeeded(page) <= room),
    )
    if (fitting.length === 0) continue
    const load = (split: GroupInfo[][]) =>
      Math.max(...split.map((page) => page.reduce((n, g) => n + g.charts, 0)))
    return fitting.reduce((best, split) => (load(split) < load(best) ? split : best))
  }
  return groups.map((g) => [g])
}

/**
 * The pages for a layout. Standard and tall: 总览 and one page per group. Wide: as few pages of
 * whole groups as fit (one page, 全部指标, when everything does: then nothing rotates).
 */
export function planPages(
  layout: ScreenLayout,
  canvasWidth: number,
  groups: readonly GroupInfo[],
): PagePlan[] {
  const page = (gs: readonly GroupInfo[], id: string, title: string): PagePlan => ({
    id,
    title,
    kind: 'groups',
    groups: gs.map((g) => g.id),
    weights: gs.map((g) => Math.max(1, g.charts)),
  })
  if (layout === 'wide' && groups.length > 0) {
    const packed = packGroups(groups, canvasWidth)
    if (packed.length === 1) return [page(groups, 'all', '全部指标')]
    return packed.map((gs) =>
      page(gs, gs.map((g) => g.id).join('+'), gs.map((g) => g.title).join(' · ')),
    )
  }
  return [
    {
      id: 'overview',
      title: '总览',
      kind: 'overview',
      groups: groups.map((g) => g.id),
      weights: groups.map(() => 1),
    },
    ...groups.map((g) => page([g], g.id, g.title)),
  ]
}

/**
 * The page to show for a page id (the URL's `page=`, or the page shown before the layout changed):
 * the page of that id, else the first page holding that group (or the first group of a combined
 * page id), else the first page.
 */
export function findPage(plans: readonly PagePlan[], id: string | undefined): number {
  if (!id) return 0
  const exact = plans.findIndex((p) => p.id === id)
  if (exact >= 0) return exact
  const [first] = id.split('+')
  const holding = plans.findIndex((p) => p.kind === 'groups' && p.groups.includes(first ?? ''))
  return Math.max(0, holding)
}
