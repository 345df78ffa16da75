/**
 * What an exported image or slide says about itself, as pure functions: the file name, the title
 * band (what, who, when, unit) and the footer (source, demo note, export date). Unit-tested.
 */

export interface BriefingMeta {
  /** The group the chart belongs to, e.g. 公平竞争审查. */
  group: string
  /** The chart's title, e.g. 存量文件监测 → 风险 → 废止. */
  title: string
  /** The organisation shown, e.g. 通州湾示范区. */
  organization: string
  /** The period, e.g. 2024年度. */
  period: string
  /** The unit(s) of the numbers, e.g. 份、次; empty when the chart shows rates only. */
  unit: string
  /** The report the numbers come from. */
  source: string
  /** Whether any value in the image is demo data. */
  hasDemo: boolean
  /** Whether any value in the image is derived (派生) from report figures. */
  hasDerived?: boolean
  /** How to read the chart, as the panel says it (漏斗宽度示意顺序,不按比例). */
  note?: string
  /** When the image is made. */
  exportedAt: Date
}

/** YYYYMMDD in China time. */
export function compactDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}${get('month')}${get('day')}`
}

/** YYYY-MM-DD in China time. */
export function isoDate(d: Date): string {
  const c = compactDate(d)
  return `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}`
}

/**
 * Characters no file system accepts (and arrows, which read badly in a file name) become '-';
 * repeated separators collapse. Chinese stays as it is.
 */
export function safeFileStem(text: string): string {
  return [...text]
    .map((c) => (c.charCodeAt(0) < 32 ? '-' : c))
    .join('')
    .replace(/[\\/:*?"<>|→←↗]+/g, '-')
    .replace(/\s+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

/**
 * e.g. 公平竞争审查-存量文件监测-风险-废止-2024-20261127.png; a unit's (not the district's) image
 * names it: 行政服务-三余镇-法治服务次数-2024-20261127.png.
 */
export function exportFileName(
  parts: { group: string; unit?: string; title?: string; year: number | string; exportedAt: Date },
  ext: 'png' | 'pptx' | 'docx',
): string {
  const stem = [
    parts.group,
    parts.unit,
    parts.title,
    String(parts.year),
    compactDate(parts.exportedAt),
  ]
    .filter((p): p is string => Boolean(p))
    .map(safeFileStem)
    .filter(Boolean)
    .join('-')
  return `${stem}.${ext}`
}

export interface BriefingText {
  title: string
  subtitle: string
  footer: string[]
}

/** The title band and footer lines of an exported chart. */
export function briefingText(m: BriefingMeta): BriefingText {
  const subtitle = [m.group, m.organization, m.period, m.unit ? `单位:${m.unit}` : '']
    .filter(Boolean)
    .join(' · ')
  const footer = [
    ...(m.note ? [m.note] : []),
    `数据来源:《${m.source}》`,
    ...(m.hasDemo ? ['含示例数据:标“示例”的数值为演示用,非报告数字'] : []),
    ...(m.hasDerived ? ['含派生数值:标“派生”的数值由报告数字计算得出'] : []),
    `导出于 ${isoDate(m.exportedAt)}`,
  ]
  return { title: m.title, subtitle, footer }
}

/** The largest side an exported canvas may have: Chromium returns blank canvases past ~16k. */
export const MAX_SIDE = 8192

/**
 * The pixel ratio actually used for an image of the given CSS size: the requested one, lowered so
 * that no side exceeds MAX_SIDE. `clamped` says whether it was lowered (the UI says so).
 */
export function clampRatio(
  requested: number,
  cssWidth: number,
  cssHeight: number,
): { ratio: number; clamped: boolean } {
  const limit = Math.min(MAX_SIDE / Math.max(cssWidth, 1), MAX_SIDE / Math.max(cssHeight, 1))
  const ratio = Math.min(requested, Math.floor(limit * 100) / 100)
  return { ratio, clamped: ratio < requested }
}

/**
 * The largest font size from `size` down to `min` at which a text fits `maxWidth`, given how wide
 * it is at a size (`widthAt`). A canvas squeezes a text that is wider than fillText's maxWidth
 * (169件 · 近3年(2022–2024年) came out with narrowed glyphs); a smaller size keeps its shape. At
 * `min` it may still not fit: only then does the squeeze apply.
 */
export function fitFontSize(
  widthAt: (size: number) => number,
  maxWidth: number,
  size: number,
  min: number,
): number {
  let s = size
  while (s > min && widthAt(s) > maxWidth) s -= 1
  return s
}
