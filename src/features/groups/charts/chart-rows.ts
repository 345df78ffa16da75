/** One number in a chart and in its table view. */
export interface ChartRow {
  id: string
  label: string
  /** null when there is no value (shown as 无数据, never drawn as 0). */
  value: number | null
  /** The value as text with qualifier and unit: "20余次", "≥50%", "无数据". */
  text: string
  unit: string
  demo: boolean
  target: number | null
  met: boolean | null
}
