import type { ComposeOption } from 'echarts/core'
import type {
  BarSeriesOption,
  FunnelSeriesOption,
  GaugeSeriesOption,
  LineSeriesOption,
  RadarSeriesOption,
} from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components'

/**
 * The option type of exactly the modules the app registers: core.ts for every view, plus the radar
 * and dataZoom that 对比分析 registers from its own chunk (src/features/compare/register.ts).
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | GaugeSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>

/** One dataZoom component of ChartOption (the slider or the inside zoom). */
export type DataZoomOption =
  Exclude<ChartOption['dataZoom'], undefined> extends infer Z
    ? Z extends readonly (infer E)[]
      ? E
      : Z
    : never
