import PptxGenJS from 'pptxgenjs'
import {
  chartExport,
  DEMO_SUFFIX,
  type ChartExportInfo,
  type ChartView,
  type NativeChart,
} from '@/lib/charts/chart-view'
import { NO_DATA } from '@/lib/format'
import { THEMES } from '@/lib/theme/themes'
import { exportFileName, isoDate } from './compose'
import { SLIDE_FONTS } from './fonts'
import { renderChartImage } from './render'

/**
 * The briefing deck (.pptx, 16:9): a title slide, one slide per group with its key figures as
 * native text (editable in the meeting) and the briefing's sentences as speaker notes, one slide
 * per chart: bars, funnels and rings as native PowerPoint charts with their data (restyled in WPS
 * or PowerPoint like any chart), a picture only for a chart without such data.
 * pptxgenjs loads only when a deck is made.
 */

export interface DeckFigure {
  name: string
  value: string
  demo: boolean
}

export interface DeckGroup {
  name: string
  accent: string
  figures: DeckFigure[]
  /** Ready chart views with export metadata; each becomes a slide. */
  charts: ChartView[]
  /** The briefing's sentences of the group: the speaker notes of its slides. */
  notes: string
}

export interface DeckInput {
  title: string
  /** The file name's stem, when it is not the title (a unit's deck carries the unit's name). */
  fileName?: string
  organization: string
  period: string
  year: number
  source: string
  groups: DeckGroup[]
}

const W = 13.333
const H = 7.5
const hex = (color: string) => color.replace('#', '').toUpperCase()

/** The slides are in the briefing theme, like the images on them. */
const BRIEFING = THEMES.briefing
const DARK = hex(BRIEFING.palette.text)
const MUTED = hex(BRIEFING.palette.muted)
const FONT = SLIDE_FONTS.text
const TITLE_FONT = SLIDE_FONTS.title
const PALE = 'E3E9F1'

/** Ideographs, kana, CJK punctuation and full-width forms: set apart from Latin in LibreOffice. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/

/**
 * Text is sized to fit its box by construction, not by PowerPoint's autofit (applied only when
 * PowerPoint recomputes it; LibreOffice and WPS may never). Widths are estimated in em on the
 * wide side of the fonts a deck meets (黑体 / 仿宋 on Windows and WPS; DejaVu and Noto CJK where
 * LibreOffice stands in for them): a CJK character or other non-Latin sign (≥, –, ·) 1 em, a digit
 * 0.64 em (0.7 em bold), Latin letters and signs per class, plus a quarter em where CJK meets
 * Latin (LibreOffice's autospace: "169 件").
 */
function textWidthEm(text: string, bold = false): number {
  let em = 0
  let last: 'cjk' | 'latin' | 'other' | null = null
  for (const ch of text) {
    const kind = CJK.test(ch) ? 'cjk' : ch.charCodeAt(0) < 0x80 ? 'latin' : 'other'
    if ((kind === 'cjk' && last === 'latin') || (kind === 'latin' && last === 'cjk')) em += 0.25
    if (ch !== ' ') last = kind
    if (kind !== 'latin') em += 1
    else if (/[0-9]/.test(ch)) em += bold ? 0.7 : 0.64
    else if (ch === '%') em += 1
    else if (ch === ' ') em += 0.35
    else if (/[.,:;!'|]/.test(ch)) em += 0.4
    else if (/[()[\]{}-]/.test(ch)) em += 0.45
    else if (/[A-Z@#&]/.test(ch)) em += 0.8
    else em += 0.65
  }
  return em
}

/** Font sizes go in half points. */
const halfPoints = (pt: number) => Math.floor(pt * 2) / 2

/**
 * The largest font size from `max` down to `min` at which `text` stays on one line of `widthPt`
 * (`min` when none does: a floor for legibility).
 */
function fitPoints(text: string, widthPt: number, max: number, min: number, bold = false) {
  const em = textWidthEm(text, bold)
  return em === 0 ? max : Math.max(min, Math.min(max, halfPoints(widthPt / em)))
}

/** How many lines `text` takes at `size` in `widthPt` (each \n a paragraph), rounded up. */
function linesOf(text: string, size: number, widthPt: number, bold = false) {
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil((textWidthEm(line, bold) * size) / widthPt - 1e-9)),
      0,
    )
}

/** The text insets PowerPoint puts in a text box without a margin: 0.1" left and right. */
const INSET_PT = 2 * 7.2

/** A line of text that keeps to one line of its box: its size fits the box's width. */
function oneLine(
  slide: PptxGenJS.Slide,
  text: string,
  box: { x: number; y: number; w: number; h: number },
  size: { max: number; min: number },
  options: PptxGenJS.TextPropsOptions = {},
) {
  slide.addText(text, {
    ...box,
    color: DARK,
    fontFace: FONT,
    ...options,
    fontSize: fitPoints(text, box.w * 72 - INSET_PT, size.max, size.min, options.bold),
  })
}

function footer(slide: PptxGenJS.Slide, text: string) {
  oneLine(
    slide,
    text,
    { x: 0.5, y: H - 0.5, w: W - 1, h: 0.3 },
    { max: 10, min: 8 },
    { color: MUTED },
  )
}

/**
 * A tile's value as its figure and what it covers when not the year: "169件 · 近3年(2022–2024年)"
 * (as valueWithPeriod writes it) is 169件 and 近3年(2022–2024年). The figure stays big and on one
 * line; the period goes under it, smaller.
 */
function splitFigure(value: string): { figure: string; period: string | null } {
  const [figure = '', ...period] = value.split(' · ')
  return { figure, period: period.length > 0 ? period.join(' · ') : null }
}

/** Tile sizes (pt): the name over the figure, the figure, its period; each with its floor. */
const TILE = {
  name: { max: 13, min: 11 },
  figure: { max: 28, min: 18 },
  period: { max: 12, min: 10 },
  /** Exact line spacing, as a multiple of the size: the same height in every program. */
  line: 1.25,
  /** Padding (inches) between a tile's edge and its text. */
  pad: 0.1,
  minH: 1.2,
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

export async function buildDeck(
  input: DeckInput,
): Promise<{ blob: Blob; fileName: string; slides: number; nativeCharts: number }> {
  const exportedAt = new Date()
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = `${input.title} · ${input.organization} · ${input.period}`
  // `company` is no data: pptxgenjs writes it into docProps/app.xml unescaped (a name with < or &
  // broke the file); title, subject and author it escapes.
  pptx.company = '法治政府建设指标看板'
  pptx.author = input.title
  pptx.subject = `${input.organization}${input.period}汇报`
  const sourceLine = `数据来源:《${input.source}》 · 导出于 ${isoDate(exportedAt)}`
  let slides = 0
  let nativeCharts = 0

  const cover = pptx.addSlide()
  slides++
  cover.background = { color: hex(BRIEFING.palette.bg) }
  cover.addShape(pptx.ShapeType.rect, {
    x: 0,
    y: 0,
    w: W,
    h: 0.18,
    fill: { color: hex(BRIEFING.accents['admin-services']) },
  })
  oneLine(
    cover,
    input.title,
    { x: 0.8, y: 2.3, w: W - 1.6, h: 1 },
    { max: 36, min: 24 },
    { bold: true, fontFace: TITLE_FONT },
  )
  oneLine(
    cover,
    `${input.organization} · ${input.period} 汇报`,
    { x: 0.8, y: 3.4, w: W - 1.6, h: 0.6 },
    { max: 20, min: 14 },
    { color: MUTED },
  )
  footer(cover, sourceLine)

  for (const group of input.groups) {
    const slide = pptx.addSlide()
    slides++
    slide.addShape(pptx.ShapeType.rect, {
      x: 0.5,
      y: 0.45,
      w: 0.08,
      h: 0.55,
      fill: { color: hex(group.accent) },
    })
    oneLine(
      slide,
      `${group.name} · 主要指标`,
      { x: 0.7, y: 0.4, w: W - 1.4, h: 0.65 },
      { max: 26, min: 18 },
      { bold: true, fontFace: TITLE_FONT },
    )
    const layout = tileLayout(group.figures)
    layout.tiles.forEach((tile, i) => {
      const x = 0.5 + (i % layout.cols) * layout.cellW
      const y = 1.4 + Math.floor(i / layout.cols) * (layout.cellH + 0.2)
      slide.addShape(pptx.ShapeType.rect, {
        x,
        y,
        w: layout.cellW - 0.15,
        h: layout.cellH,
        fill: { color: hex(BRIEFING.palette.panel) },
      })
      const line = (size: number) => ({ fontSize: size, lineSpacing: size * TILE.line })
      slide.addText(
        [
          {
            text: tile.name,
            options: { ...line(layout.nameSize), color: MUTED, breakLine: true },
          },
          {
            text: tile.figure,
            options: {
              ...line(layout.figureSize),
              bold: true,
              color: DARK,
              fontFace: TITLE_FONT,
              breakLine: tile.period !== null,
            },
          },
          ...(tile.period === null
            ? []
            : [{ text: tile.period, options: { ...line(layout.periodSize), color: MUTED } }]),
        ],
        {
          // Top-aligned at the same height in every tile: names and figures of a row line up,
          // a period hangs under its figure; the tallest tile's text is centred in its tile.
          x: x + TILE.pad,
          y: y + layout.top,
          w: layout.textW,
          h: layout.cellH - 2 * layout.top,
          margin: 0,
          fontFace: FONT,
          valign: 'top',
        },
      )
    })
    // The briefing's words of the group under its figures (and as speaker notes).
    const textTop = 1.4 + layout.rows * (layout.cellH + 0.2) + 0.1
    const words = group.notes.split('\n').slice(1).join('\n')
    if (words && textTop < H - 1.2) {
      const box = { x: 0.5, y: textTop, w: W - 1, h: H - 0.7 - textTop }
      slide.addText(words, {
        ...box,
        fontSize: notesSize(words, box),
        color: DARK,
        fontFace: FONT,
        valign: 'top',
        fit: 'shrink',
        lineSpacingMultiple: 1.2,
      })
    }
    const demo = group.figures.some((f) => f.demo) || group.notes.includes(DEMO_SUFFIX)
    footer(slide, demo ? `${sourceLine} · 含示例数据(标“示例”者为演示用,非报告数字)` : sourceLine)
    slide.addNotes(group.notes)
  }

  for (const group of input.groups) {
    for (const chart of group.charts) {
      const info = chartExport(chart, exportedAt)
      if (!info) continue
      const slide = pptx.addSlide()
      slides++
      oneLine(
        slide,
        `${group.name} · ${info.meta.title}`,
        { x: 0.5, y: 0.3, w: W - 1, h: 0.55 },
        { max: 22, min: 16 },
        { bold: true, fontFace: TITLE_FONT },
      )
      oneLine(
        slide,
        info.text.subtitle,
        { x: 0.5, y: 0.85, w: W - 1, h: 0.35 },
        { max: 12, min: 9 },
        { color: MUTED },
      )
      const native = chart.native?.points.some((p) => p.value !== null) ? chart.native : null
      if (native) {
        addNativeChart(pptx, slide, native, info)
        nativeCharts++
      } else {
        const image = await renderChartImage({
          option: chart.option(BRIEFING.chart),
          cssWidth: 960,
          cssHeight: 440,
          ratio: 2,
          accent: info.accent,
          text: info.text,
        })
        const imgH = H - 1.8
        const imgW = (imgH * image.width) / image.height
        slide.addImage({
          data: await dataUrl(image.blob),
          x: (W - imgW) / 2,
          y: 1.25,
          w: imgW,
          h: imgH,
        })
      }
      // A native chart draws its points only (a ring's demo target is not drawn): it contains demo
      // data when a point is demo, not because the view on screen does.
      const demo = native
        ? native.points.some((p) => p.demo && p.value !== null)
        : info.meta.hasDemo
      footer(slide, demo ? `${sourceLine} · 含示例数据` : sourceLine)
      slide.addNotes(`${chart.summary}\n\n${group.notes}`)
    }
  }

  const blob = (await pptx.write({ outputType: 'blob' })) as Blob
  const fileName = exportFileName(
    { group: input.fileName ?? input.title, title: '汇报', year: input.year, exportedAt },
    'pptx',
  )
  return { blob, fileName, slides, nativeCharts }
}

/**
 * The figure tiles of a group slide, sized to fit by construction: one size of name, figure and
 * period for the slide (a row of figures in one size), each the largest that keeps every tile's
 * text on one line of the tile, down to its floor; tiles as tall as their text needs (1.2" or
 * more), the same for all tiles of the slide.
 */
function tileLayout(figures: DeckFigure[]) {
  const cols = figures.length > 6 ? 5 : 3
  const cellW = (W - 1) / cols
  const textW = cellW - 0.15 - 2 * TILE.pad
  const widthPt = textW * 72
  const tiles = figures.map((f) => ({
    name: `${f.name}${f.demo ? '(示例)' : ''}`,
    ...splitFigure(f.value),
  }))
  const sizeOf = (texts: string[], size: { max: number; min: number }, bold = false) =>
    Math.min(size.max, ...texts.map((t) => fitPoints(t, widthPt, size.max, size.min, bold)))
  const nameSize = sizeOf(
    tiles.map((t) => t.name),
    TILE.name,
  )
  const figureSize = sizeOf(
    tiles.map((t) => t.figure),
    TILE.figure,
    true,
  )
  const periods = tiles.flatMap((t) => (t.period === null ? [] : [t.period]))
  const periodSize = sizeOf(periods, TILE.period)
  // Height in points of a tile's text; at a floor a text may take more than one line.
  const heightOf = (t: (typeof tiles)[number]) =>
    TILE.line *
    (linesOf(t.name, nameSize, widthPt) * nameSize +
      linesOf(t.figure, figureSize, widthPt, true) * figureSize +
      (t.period === null ? 0 : linesOf(t.period, periodSize, widthPt) * periodSize))
  const textH = Math.max(0, ...tiles.map(heightOf)) / 72
  const cellH = Math.max(TILE.minH, textH + 2 * TILE.pad)
  return {
    cols,
    rows: Math.ceil(figures.length / cols),
    cellW,
    cellH,
    textW,
    /** The text's distance from the top (and bottom) of its tile, in inches. */
    top: (cellH - textH) / 2,
    tiles,
    nameSize,
    figureSize,
    periodSize,
  }
}

/** The largest size (12 down to 10 pt) at which the briefing's words fill no more than `box`. */
function notesSize(text: string, box: { w: number; h: number }) {
  const widthPt = box.w * 72 - INSET_PT
  const heightPt = box.h * 72 - 7.2
  for (let size = 12; size > 10; size -= 0.5) {
    // 1.2 line spacing of a CJK font's ~1.25 em line; 5 % slack for where lines break.
    if (linesOf(text, size, widthPt / 1.05) * size * 1.2 * 1.25 <= heightPt) return size
  }
  return 10
}

/**
 * "深入企业开展法治服务 20余次(示例)": a point as the chart's text box says it, one paragraph;
 * what a figure covers when not the year (2012年以来累计) is a paragraph of its own under it,
 * smaller, so that no line breaks inside 近3年 or a date. One run per paragraph: pptxgenjs writes
 * a paragraph's properties before each of its runs, which PowerPoint rejects after the first.
 */
function pointParagraphs(p: NativeChart['points'][number], last: boolean): PptxGenJS.TextProps[] {
  const { figure, period } =
    p.value === null ? { figure: NO_DATA, period: null } : splitFigure(p.text)
  const text = `${p.label} ${figure}${p.demo ? DEMO_SUFFIX : ''}`
  // The space between points follows a point's last paragraph.
  const end = { breakLine: !last, paraSpaceAfter: 8 }
  if (period === null) return [{ text, options: end }]
  return [
    { text, options: { breakLine: true } },
    { text: period, options: { ...end, fontSize: 11, color: MUTED } },
  ]
}

/**
 * The number format of a chart's value labels: a figure of the report's 240余 or 50%以上 keeps its
 * word (a bare 240 says more than the report). One format serves a whole series, so a series that
 * mixes them shows no value labels; the text box beside the chart states every figure.
 */
export function valueLabelFormat(texts: readonly string[]): string | null {
  const words = new Set(texts.map((t) => (/余/.test(t) ? '余' : /以上|≥/.test(t) ? '以上' : '')))
  if (words.size > 1) return null
  const [word] = [...words]
  return word === '余' ? 'General"余"' : word === '以上' ? 'General"以上"' : 'General'
}

/**
 * One chart of the group as a native chart with its data; its value labels keep 余 and 以上
 * (`valueLabelFormat`). The text box beside it states every figure as the report does, with
 * 示例 and 无数据 — values without data are left out of the chart, never drawn as 0.
 */
function addNativeChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  native: NativeChart,
  info: ChartExportInfo,
) {
  const accent = hex(info.accent)
  const drawn = native.points.filter((p): p is typeof p & { value: number } => p.value !== null)
  const label = (p: NativeChart['points'][number]) => `${p.label}${p.demo ? DEMO_SUFFIX : ''}`
  const chartW = W - 1 - 3.6
  const top = 1.35
  const chartH = H - top - 0.7
  const common = {
    fontFace: FONT,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    dataLabelFontFace: FONT,
    legendFontFace: FONT,
    catAxisLabelFontSize: 12,
    valAxisLabelFontSize: 11,
    dataLabelFontSize: 12,
    dataLabelColor: DARK,
    showValue: true,
    dataLabelFormatCode: 'General',
    showLegend: false,
    valGridLine: { color: PALE, size: 0.75 },
  }
  if (native.type === 'doughnut') {
    // One ring per rate: the rate and the rest of 100 %.
    const n = drawn.length
    const size = Math.min(chartW / n - 0.2, chartH - 0.8)
    drawn.forEach((p, i) => {
      const x = 0.5 + i * (chartW / n) + (chartW / n - size) / 2
      slide.addChart(
        pptx.ChartType.doughnut,
        [
          {
            name: label(p),
            labels: [label(p), '其余'],
            values: [p.value, Math.max(0, 100 - p.value)],
          },
        ],
        {
          ...common,
          x,
          y: top,
          w: size,
          h: size,
          holeSize: 62,
          showValue: false,
          showPercent: false,
          showLabel: false,
          chartColors: [accent, PALE],
          showTitle: false,
        },
      )
      slide.addText(
        [
          { text: p.text, options: { fontSize: 20, bold: true, color: DARK, breakLine: true } },
          { text: label(p), options: { fontSize: 12, color: MUTED } },
        ],
        {
          // Under its ring, as wide as the ring's share of the row: labels never overlap.
          x: 0.5 + i * (chartW / n),
          y: top + size + 0.05,
          w: chartW / n,
          h: 0.8,
          align: 'center',
          fontFace: FONT,
        },
      )
    })
  } else {
    // Horizontal bars (and a funnel's steps) read from the top: PowerPoint draws the first
    // category at the bottom, so they go in reversed.
    const horizontal = native.type === 'bar' || native.type === 'funnel'
    const points = horizontal ? [...drawn].reverse() : drawn
    const type = native.type === 'line' ? pptx.ChartType.line : pptx.ChartType.bar
    const format = valueLabelFormat(drawn.map((p) => p.text))
    slide.addChart(
      type,
      [{ name: info.meta.title, labels: points.map(label), values: points.map((p) => p.value) }],
      {
        ...common,
        x: 0.5,
        y: top,
        w: chartW,
        h: chartH,
        barDir: horizontal ? 'bar' : 'col',
        barGapWidthPct: native.type === 'funnel' ? 15 : 60,
        chartColors: [accent],
        dataLabelPosition: native.type === 'line' ? 't' : 'outEnd',
        showValue: format !== null,
        dataLabelFormatCode: format ?? 'General',
      },
    )
  }
  slide.addText(
    native.points.flatMap((p, i) => pointParagraphs(p, i === native.points.length - 1)),
    {
      x: W - 0.5 - 3.4,
      y: top,
      w: 3.4,
      h: chartH,
      fontSize: 13,
      color: DARK,
      fontFace: FONT,
      valign: 'top',
    },
  )
}
