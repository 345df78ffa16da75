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

function footer(slide: PptxGenJS.Slide, text: string) {
  slide.addText(text, {
    x: 0.5,
    y: H - 0.5,
    w: W - 1,
    h: 0.3,
    fontSize: 10,
    color: MUTED,
    fontFace: FONT,
  })
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
  pptx.title = `${input.title} · ${input.period}`
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
  cover.addText(input.title, {
    x: 0.8,
    y: 2.3,
    w: W - 1.6,
    h: 1,
    fontSize: 36,
    bold: true,
    color: DARK,
    fontFace: TITLE_FONT,
  })
  cover.addText(`${input.organization} · ${input.period} 汇报`, {
    x: 0.8,
    y: 3.4,
    w: W - 1.6,
    h: 0.6,
    fontSize: 20,
    color: MUTED,
    fontFace: FONT,
  })
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
    slide.addText(`${group.name} · 主要指标`, {
      x: 0.7,
      y: 0.4,
      w: W - 1.4,
      h: 0.65,
      fontSize: 26,
      bold: true,
      color: DARK,
      fontFace: TITLE_FONT,
    })
    const cols = group.figures.length > 6 ? 5 : 3
    const cellW = (W - 1) / cols
    const cellH = 1.2
    group.figures.forEach((f, i) => {
      const x = 0.5 + (i % cols) * cellW
      const y = 1.4 + Math.floor(i / cols) * (cellH + 0.2)
      slide.addShape(pptx.ShapeType.rect, {
        x,
        y,
        w: cellW - 0.15,
        h: cellH,
        fill: { color: hex(BRIEFING.palette.panel) },
      })
      slide.addText(
        [
          {
            text: `${f.name}${f.demo ? '(示例)' : ''}`,
            options: { fontSize: 13, color: MUTED, breakLine: true },
          },
          {
            text: f.value,
            options: { fontSize: 28, bold: true, color: DARK, fontFace: TITLE_FONT },
          },
        ],
        { x: x + 0.1, y, w: cellW - 0.35, h: cellH, fontFace: FONT, valign: 'middle' },
      )
    })
    // The briefing's words of the group under its figures (and as speaker notes).
    const textTop = 1.4 + Math.ceil(group.figures.length / cols) * (cellH + 0.2) + 0.1
    if (group.notes && textTop < H - 1.2)
      slide.addText(group.notes.split('\n').slice(1).join('\n'), {
        x: 0.5,
        y: textTop,
        w: W - 1,
        h: H - 0.7 - textTop,
        fontSize: 12,
        color: DARK,
        fontFace: FONT,
        valign: 'top',
        fit: 'shrink',
        lineSpacingMultiple: 1.2,
      })
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
      slide.addText(`${group.name} · ${info.meta.title}`, {
        x: 0.5,
        y: 0.3,
        w: W - 1,
        h: 0.6,
        fontSize: 22,
        bold: true,
        color: DARK,
        fontFace: TITLE_FONT,
      })
      slide.addText(info.text.subtitle, {
        x: 0.5,
        y: 0.85,
        w: W - 1,
        h: 0.35,
        fontSize: 12,
        color: MUTED,
        fontFace: FONT,
      })
      if (chart.native && chart.native.points.some((p) => p.value !== null)) {
        addNativeChart(pptx, slide, chart.native, info)
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
      footer(slide, info.meta.hasDemo ? `${sourceLine} · 含示例数据` : sourceLine)
      slide.addNotes(`${chart.summary}\n\n${group.notes}`)
    }
  }

  const blob = (await pptx.write({ outputType: 'blob' })) as Blob
  const fileName = exportFileName(
    { group: input.title, title: '汇报', year: input.year, exportedAt },
    'pptx',
  )
  return { blob, fileName, slides, nativeCharts }
}

/** "深入企业开展法治服务 20余次(示例)": a point as the chart's text box says it. */
const pointText = (p: NativeChart['points'][number]) =>
  `${p.label} ${p.value === null ? NO_DATA : p.text}${p.demo ? DEMO_SUFFIX : ''}`

/**
 * One chart of the group as a native chart with its data. The chart's numbers are plain numbers
 * (a chart has no 余 or 以上); the text box beside it states every figure as the report does, with
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
          x: x - 0.2,
          y: top + size + 0.05,
          w: size + 0.4,
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
      },
    )
  }
  slide.addText(
    native.points.map((p, i) => ({
      text: pointText(p),
      options: { breakLine: i < native.points.length - 1, bullet: true },
    })),
    {
      x: W - 0.5 - 3.4,
      y: top,
      w: 3.4,
      h: chartH,
      fontSize: 13,
      color: DARK,
      fontFace: FONT,
      valign: 'top',
      paraSpaceAfter: 6,
    },
  )
}
