import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MetricCard, type CardTrendInput } from '@/components/metric-card'
import { indexObservations, pickCell } from '@/domain/observation-index'
import { indicatorsResponseSchema, observationsResponseSchema } from '@/domain/schemas'
import indicatorsJson from '../../../public/data/indicators.json'
import observationsJson from '../../../public/data/observations.json'

const indicators = indicatorsResponseSchema.parse(indicatorsJson).items
const index = indexObservations(observationsResponseSchema.parse(observationsJson).items)
const indicator = indicators.find((i) => i.id === 'stock-docs')!

function card(over: Partial<CardTrendInput> = {}, withTrend = true) {
  const trend: CardTrendInput = {
    index,
    problems: new Map(),
    orgId: 'tzw',
    year: 2024,
    years: [2022, 2023, 2024],
    showDemo: true,
    ...over,
  }
  const cell = pickCell(indicator, index, trend.orgId, trend.year, trend.showDemo, trend.problems)
  return render(
    <MetricCard
      indicator={indicator}
      cell={cell}
      accent="#4f9dff"
      reportTitle="报告"
      showDemo={trend.showDemo}
      trend={withTrend ? trend : undefined}
    />,
  )
}

describe('metric card with year-over-year change and sparkline', () => {
  it('shows the change on the year before and a sparkline of the years, in words for AT', () => {
    const { container } = card()
    const article = container.querySelector('article')!
    const spark = within(article).getByRole('img', { name: /近年走势/ })
    expect(spark.getAttribute('aria-label')).toMatch(
      /2022年 \d+份\(示例\),2023年 \d+份\(示例\),2024年 3767份$/,
    )
    const change = within(article).getByRole('img', { name: /同比\(2024年较2023年,派生\)/ })
    expect(change.getAttribute('aria-label')).toContain('含示例数据')
    expect(change.className).toContain('yoy--demo')
    expect(change.textContent).toMatch(/^同比[▲▼]\d.*示例$/)
    // The card's figure is the report's and carries no 示例; its change rests on a demo value of
    // the year before: hatched, and 示例 in words beside it, as every demo figure is.
    expect(article.textContent!.replace(change.textContent!, '')).not.toContain('示例')
    expect(article.textContent).not.toMatch(/NaN|undefined|Infinity/)
    // Its own name is unchanged.
    expect(article).toHaveAccessibleName(`${indicator.name} 3767份`)
  })

  it('hides demo years when demo data is hidden: no history, so no change and no line', () => {
    const { container } = card({ showDemo: false })
    expect(container.querySelector('.metric-card__trend')).toBeNull()
    expect(screen.queryByRole('img', { name: /同比/ })).toBeNull()
  })

  it('leaves a gap for a missing year and gives no change without the year before (无数据)', () => {
    // 2021 is not in the data: a gap; 2023 is not a year of the card: no change on it (无数据).
    const { container } = card({ years: [2021, 2022, 2024] })
    const spark = screen.getByRole('img', { name: /近年走势/ })
    expect(spark.getAttribute('aria-label')).toMatch(
      /^近年走势:2021年 无数据,2022年 \d+份\(示例\),2024年 3767份$/,
    )
    expect(container.querySelectorAll('.sparkline__dot')).toHaveLength(2)
    const change = screen.getByRole('img', { name: /同比/ })
    expect(change.textContent).toBe('同比无数据')
    expect(change.getAttribute('aria-label')).toContain('2023年无数据')
  })

  it('draws demo years hollow on a dashed line', () => {
    const { container } = card({ orgId: 'market-bureau' })
    expect(container.querySelectorAll('.sparkline__dot--demo')).toHaveLength(3)
    expect(container.querySelectorAll('.sparkline__line--demo')).toHaveLength(2)
  })

  it('is the plain card without a trend input', () => {
    const { container } = card({}, false)
    expect(container.querySelector('.metric-card__trend')).toBeNull()
    expect(container.querySelector('svg')).toBeNull()
  })
})
