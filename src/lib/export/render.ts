import { echarts } from '@/lib/echarts/core'
import type { ChartOption } from '@/lib/echarts/types'
import { THEMES } from '@/lib/theme/themes'
import { clampRatio, fitFontSize, type BriefingText } from './compose'

/**
 * Briefing images, drawn on a canvas: the chart is re-rendered at the chosen pixel ratio with the
 * canvas renderer and the light theme (not an upscaled screenshot), under a title band and over a
 * footer. All text is drawn with fillText, so data never becomes markup. Loaded lazily.
 */

const BAND = 76
const LINE = 22
const PAD = 20

export interface ChartImageRequest {
  option: ChartOption
  cssWidth: number
  cssHeight: number
  ratio: number
  text: BriefingText
  accent: string
}

export interface RenderedImage {
  blob: Blob
  width: number
  height: number
  ratio: number
  clamped: boolean
}

/** Images are drawn in the briefing theme: white ground, pale cards, navy text. */
const { palette, font } = THEMES.briefing

const footerHeight = (lines: number) => PAD + lines * LINE

/** Renders an option off screen at a pixel ratio and returns its canvas (white ground). */
export async function renderOption(
  option: ChartOption,
  cssWidth: number,
  cssHeight: number,
  ratio: number,
): Promise<HTMLCanvasElement> {
  const host = document.createElement('div')
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${cssWidth}px;height:${cssHeight}px;`
  document.body.append(host)
  const chart = echarts.init(host, null, {
    renderer: 'canvas',
    devicePixelRatio: ratio,
    width: cssWidth,
    height: cssHeight,
  })
  try {
    const finished = new Promise<void>((resolve) => {
      chart.on('finished', () => resolve())
      window.setTimeout(resolve, 1500)
    })
    chart.setOption({ ...option, animation: false, backgroundColor: palette.bg })
    await finished
    return chart.renderToCanvas({ pixelRatio: ratio, backgroundColor: palette.bg })
  } finally {
    chart.dispose()
    host.remove()
  }
}

/**
 * fillText at the largest size down to two thirds of `size` that fits `maxWidth`: the text keeps
 * its shape (fillText's maxWidth alone squeezes the glyphs). `weight` is '' or 'bold '.
 */
function fillFitted(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  size: number,
  weight = '',
) {
  const fontAt = (s: number) => `${weight}${s}px ${font}`
  const fitted = fitFontSize(
    (s) => {
      ctx.font = fontAt(s)
      return ctx.measureText(text).width
    },
    maxWidth,
    size,
    Math.ceil((size * 2) / 3),
  )
  ctx.font = fontAt(fitted)
  ctx.fillText(text, x, y, maxWidth)
}

function drawBand(
  ctx: CanvasRenderingContext2D,
  width: number,
  text: BriefingText,
  accent: string,
) {
  ctx.fillStyle = accent
  ctx.fillRect(PAD, 18, 5, 40)
  ctx.fillStyle = palette.text
  ctx.textBaseline = 'alphabetic'
  fillFitted(ctx, text.title, PAD + 14, 38, width - PAD * 2 - 14, 22, 'bold ')
  ctx.fillStyle = palette.muted
  fillFitted(ctx, text.subtitle, PAD + 14, 62, width - PAD * 2 - 14, 15)
}

function drawFooter(ctx: CanvasRenderingContext2D, width: number, top: number, lines: string[]) {
  ctx.strokeStyle = palette.border
  ctx.beginPath()
  ctx.moveTo(PAD, top + 6)
  ctx.lineTo(width - PAD, top + 6)
  ctx.stroke()
  ctx.fillStyle = palette.muted
  lines.forEach((line, i) =>
    fillFitted(ctx, line, PAD, top + PAD + i * LINE + 4, width - PAD * 2, 13),
  )
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图片生成失败'))), 'image/png'),
  )
}

/**
 * One chart alone as PNG bytes (no title band or footer: the document around it says those), for
 * the .docx: the same off-screen rendering as the PNG export.
 */
export async function renderChartPng(
  option: ChartOption,
  cssWidth: number,
  cssHeight: number,
  ratio: number,
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const canvas = await renderOption(option, cssWidth, cssHeight, ratio)
  const blob = await toBlob(canvas)
  return {
    bytes: new Uint8Array(await blob.arrayBuffer()),
    width: canvas.width,
    height: canvas.height,
  }
}

/** One chart as a self-explaining image: width = the chart's CSS width × ratio. */
export async function renderChartImage(req: ChartImageRequest): Promise<RenderedImage> {
  const totalHeight = BAND + req.cssHeight + footerHeight(req.text.footer.length)
  const { ratio, clamped } = clampRatio(req.ratio, req.cssWidth, totalHeight)
  const chartCanvas = await renderOption(req.option, req.cssWidth, req.cssHeight, ratio)
  const out = document.createElement('canvas')
  out.width = Math.round(req.cssWidth * ratio)
  out.height = Math.round(totalHeight * ratio)
  const ctx = out.getContext('2d')!
  ctx.scale(ratio, ratio)
  ctx.fillStyle = palette.bg
  ctx.fillRect(0, 0, req.cssWidth, totalHeight)
  drawBand(ctx, req.cssWidth, req.text, req.accent)
  ctx.drawImage(chartCanvas, 0, BAND, req.cssWidth, req.cssHeight)
  drawFooter(ctx, req.cssWidth, BAND + req.cssHeight, req.text.footer)
  return { blob: await toBlob(out), width: out.width, height: out.height, ratio, clamped }
}

export interface CardText {
  name: string
  value: string
  note: string
  demo: boolean
}

export interface PageImageRequest {
  text: BriefingText
  accent: string
  cards: CardText[]
  charts: { title: string; option: ChartOption }[]
  ratio: number
}

/** A whole group page (its cards and charts) as one image, 1600 CSS px wide. */
export async function renderPageImage(req: PageImageRequest): Promise<RenderedImage> {
  const width = 1600
  const cols = 5
  const cardW = (width - PAD * 2 - (cols - 1) * 12) / cols
  const cardH = 92
  const cardRows = Math.ceil(req.cards.length / cols)
  const chartCols = 2
  const chartW = (width - PAD * 2 - 16) / chartCols
  const chartH = 320
  const chartRows = Math.ceil(req.charts.length / chartCols)
  const cardsTop = BAND + 8
  const chartsTop = cardsTop + cardRows * (cardH + 12) + 8
  const footerTop = chartsTop + chartRows * (chartH + 40)
  const totalHeight = footerTop + footerHeight(req.text.footer.length)
  const { ratio, clamped } = clampRatio(req.ratio, width, totalHeight)

  const out = document.createElement('canvas')
  out.width = Math.round(width * ratio)
  out.height = Math.round(totalHeight * ratio)
  const ctx = out.getContext('2d')!
  ctx.scale(ratio, ratio)
  ctx.fillStyle = palette.bg
  ctx.fillRect(0, 0, width, totalHeight)
  drawBand(ctx, width, req.text, req.accent)

  req.cards.forEach((card, i) => {
    const x = PAD + (i % cols) * (cardW + 12)
    const y = cardsTop + Math.floor(i / cols) * (cardH + 12)
    ctx.fillStyle = palette.panel
    ctx.fillRect(x, y, cardW, cardH)
    ctx.fillStyle = req.accent
    ctx.fillRect(x, y, 4, cardH)
    ctx.fillStyle = palette.muted
    fillFitted(ctx, card.name + (card.demo ? '(示例)' : ''), x + 14, y + 24, cardW - 20, 15)
    ctx.fillStyle = palette.text
    fillFitted(ctx, card.value, x + 14, y + 60, cardW - 20, 30, 'bold ')
    ctx.fillStyle = palette.muted
    fillFitted(ctx, card.note, x + 14, y + 82, cardW - 20, 13)
  })

  for (const [i, chart] of req.charts.entries()) {
    const x = PAD + (i % chartCols) * (chartW + 16)
    const y = chartsTop + Math.floor(i / chartCols) * (chartH + 40)
    ctx.fillStyle = palette.text
    fillFitted(ctx, chart.title, x, y + 20, chartW, 16, 'bold ')
    const canvas = await renderOption(chart.option, chartW, chartH, ratio)
    ctx.drawImage(canvas, x, y + 32, chartW, chartH)
  }
  drawFooter(ctx, width, footerTop, req.text.footer)
  return { blob: await toBlob(out), width: out.width, height: out.height, ratio, clamped }
}
