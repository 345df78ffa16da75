import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '@/app/app'
import { DEFAULT_CONFIG } from '@/config/runtime-config'
import { GROUPS } from '@/domain/groups'
import { useUiStore } from '@/stores/ui-store'
import { dataAtOnce, DATA_FILES } from '../../mocks/handlers'
import { server } from '../../mocks/node'
import { scenarios } from '../../mocks/scenarios'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPORT = readFileSync(resolve(HERE, '../../scripts/dataset/report-2024.txt'), 'utf8')
const CATALOGUE = DATA_FILES['indicators.json'].items
const indicatorOf = (id: string) => CATALOGUE.find((i) => i.id === id)!

const initialUi = useUiStore.getState()

// Each test renders the whole app.
vi.setConfig({ testTimeout: 15_000 })

beforeEach(() => {
  useUiStore.setState(initialUi, true)
  window.location.hash = '#/'
  // The shared handlers add browser-like latency whenever `window` exists, jsdom included; the
  // same data without the wait keeps these tests fast. Scenarios used later take precedence.
  server.use(...dataAtOnce())
})

afterEach(() => {
  vi.useRealTimers()
})

function renderApp() {
  return render(<App loaded={{ config: DEFAULT_CONFIG, warning: null }} />)
}

const cardOf = (id: string) => document.querySelector<HTMLElement>(`[data-indicator-id="${id}"]`)
const chartOf = (id: string) => document.querySelector<HTMLElement>(`[data-chart-id="${id}"]`)
const groupPanels = () => [...document.querySelectorAll<HTMLElement>('section[data-group]')]

/**
 * Waits until the card of `id` is on screen and its accessible name (the name of the indicator
 * and what the card shows for it) matches. The name, not the text, because the 出处 popover in
 * every card holds the report sentence, figure included.
 */
async function cardNamed(id: string, name: string | RegExp): Promise<HTMLElement> {
  return waitFor(
    () => {
      const card = cardOf(id)
      expect(card).not.toBeNull()
      expect(card).toHaveAccessibleName(name)
      return card!
    },
    { timeout: 5000 },
  )
}

/** The choices a filter offers, as the user reads them. */
const optionsOf = (filter: string) =>
  within(screen.getByRole('combobox', { name: filter }))
    .getAllByRole('option')
    .map((o) => o.textContent)

const reportedName = (id: string, text: string) => `${indicatorOf(id).name} ${text}`

/** Runs fake time forward (inside act) until `check` passes: for the retries with backoff. */
async function advanceUntil(check: () => void, stepMs = 1000, maxMs = 60_000) {
  for (let waited = 0; ; waited += stepMs) {
    try {
      check()
      return
    } catch (err) {
      if (waited >= maxMs) throw err
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(stepMs)
    })
  }
}

describe('overview with the published data', () => {
  it('shows each figure next to the name of its indicator', async () => {
    renderApp()
    expect(REPORT).toContain('监测存量文件3767份')
    const card = await cardNamed('stock-docs', reportedName('stock-docs', '3767份'))
    const indicator = indicatorOf('stock-docs')
    expect(within(card).getByRole('heading', { name: indicator.shortName })).toBeInTheDocument()
    expect(within(card).getByText('3767')).toBeInTheDocument()
    expect(within(card).getByText('份')).toBeInTheDocument()
    expect(card).toHaveAttribute('data-status', 'reported')
    // The report's figure carries no 示例; only its change on the year before (a demo value) does.
    expect(
      within(card)
        .getAllByText('示例')
        .map((e) => e.closest('.yoy--demo')),
    ).not.toContain(null)
  })

  it('shows every one of the 34 report figures as reported, none as 无数据', async () => {
    renderApp()
    await cardNamed('stock-docs', reportedName('stock-docs', '3767份'))
    const cards = [...document.querySelectorAll<HTMLElement>('[data-indicator-id]')]
    expect(cards).toHaveLength(34)
    for (const card of cards) {
      expect(card).toHaveAttribute('data-status', 'reported')
      expect(card).not.toHaveAccessibleName(/无数据|数据错误|示例/)
    }
  })

  it.each([
    ['enterprise-legal-services', '20余', '次', '深入企业常态开展法治服务20余次'],
    ['pre-procedure-time-cut', '≥50', '%', '平均时限缩短50%以上'],
    ['new-officer-training-hours', '≥160', '课时', '全部落实160课时以上法治培训'],
    ['time-limit-compression', '86.8', '%', '事项办理时限压缩度86.8%'],
    ['pre-litigation-mediations', '3815', '件', '案件3815件'],
  ])('shows %s as %s%s, as the report says「%s」', async (id, figure, unit, said) => {
    expect(REPORT).toContain(said)
    renderApp()
    const card = await cardNamed(id, reportedName(id, `${figure}${unit}`))
    expect(within(card).getByText(figure)).toBeInTheDocument()
    expect(within(card).getByText(unit)).toBeInTheDocument()
  })

  it('says whether a figure meets its target', async () => {
    renderApp()
    const id = 'new-officer-training-hours'
    const hours = await cardNamed(id, reportedName(id, '≥160课时'))
    expect(hours).toHaveTextContent('目标 160课时')
    expect(within(hours).getByText('✓ 达标')).toBeInTheDocument()
    expect(within(hours).queryByText('▲ 未达标')).toBeNull()
  })

  it('opens the 出处 with the exact sentence of the report, the figure marked', async () => {
    const user = userEvent.setup()
    renderApp()
    const card = await cardNamed('stock-docs', reportedName('stock-docs', '3767份'))
    const { source } = indicatorOf('stock-docs')
    expect(REPORT).toContain(source.sentence)
    expect(source.sentence).toContain('监测存量文件3767份')

    const button = within(card).getByRole('button', { name: '出处' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')

    const popover = document.getElementById(button.getAttribute('aria-describedby')!)!
    expect(popover).toHaveAttribute('role', 'tooltip')
    expect(card).toContainElement(popover)
    expect(popover).toHaveTextContent(source.sentence)
    expect(popover).toHaveTextContent('《通州湾示范区2024年法治政府建设情况报告》')
    expect(popover.querySelector('mark')).toHaveTextContent(source.quote)

    await user.keyboard('{Escape}')
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('marks the right 7次 in the 出处 of 依申请公开 (not the 7 inside 1127次)', async () => {
    const id = 'on-request-disclosures'
    expect(REPORT).toContain('依申请公开政府信息7次')
    renderApp()
    const card = await cardNamed(id, reportedName(id, '7次'))
    const mark = card.querySelector('[role="tooltip"] mark')!
    expect(mark).toHaveTextContent(/^7次$/)
    expect(mark.previousSibling?.textContent).toMatch(/依申请公开政府信息$/)
  })

  it('makes up no share in the funnel: 72次 of 401份 is not 18% of anything the report says', async () => {
    const user = userEvent.setup()
    renderApp()
    await cardNamed('incremental-docs', reportedName('incremental-docs', '401份'))
    const chart = chartOf('fair-incremental')!
    await user.click(within(chart).getByRole('button', { name: '表格' }))
    const table = within(chart).getByRole('table')
    const warnings = within(table).getByRole('row', { name: /增量预警风险/ })
    expect(warnings).toHaveTextContent('72次')
    expect(warnings).toHaveTextContent('报告数字')
    expect(chart).not.toHaveTextContent(/18%|派生/)
  })

  it('labels demo values 示例 and, when they are turned off, hides them', async () => {
    const user = userEvent.setup()
    renderApp()
    const name = indicatorOf('stock-docs').name
    await cardNamed('stock-docs', `${name} 3767份`)

    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2023')
    const demoCard = await cardNamed('stock-docs', new RegExp(`^${name} \\d+份\\(示例数据\\)$`))
    expect(demoCard).toHaveAttribute('data-status', 'demo')
    expect(within(demoCard).getByTitle(/^示例数据/)).toHaveTextContent('示例')
    // The header says the year on screen, not the report's.
    expect(document.querySelector('.app-header')).toHaveTextContent('统计期间:2023年度(示例)')

    // Hidden, a year of 示例 values alone goes with them: the report year is shown, the only
    // year offered, with the report's own figures.
    await user.click(screen.getByRole('checkbox', { name: '显示示例数据' }))
    await cardNamed('stock-docs', `${name} 3767份`)
    expect(optionsOf('年度')).toEqual(['2024年(报告年度)'])
    // Nothing else says 示例 but the switch that brings them back.
    expect(document.body.textContent?.replace('显示示例数据', '')).not.toContain('示例')

    // So do the units with 示例 values alone: the report gives figures for the district only.
    expect(optionsOf('单位')).toEqual(['通州湾示范区'])
  })
})

describe("the report's facts with a unit on screen", () => {
  it('says they are the whole district’s, not the unit’s', async () => {
    const user = userEvent.setup()
    renderApp()
    const lists = async () => screen.findAllByRole('region', { name: /^报告中的定性事实/ })
    expect((await lists()).map((l) => l.getAttribute('aria-label'))).toContain(
      '报告中的定性事实(2024年)',
    )
    await user.selectOptions(screen.getByRole('combobox', { name: '单位' }), '三余镇')
    await waitFor(async () => {
      for (const list of await lists()) {
        expect(list).toHaveAccessibleName('报告中的定性事实(2024年)(通州湾示范区全区,非本单位)')
        expect(within(list).getByRole('heading')).toHaveTextContent('通州湾示范区全区,非本单位')
      }
    })
  })
})

describe('overview when the data source fails', () => {
  it('shows an error with 重试 in every group panel, in words, and recovers on retry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    server.use(...scenarios.error)
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    renderApp()
    const started = Date.now()

    // A failing source is retried (after 1 s, 2 s, 4 s) before the panels give up: meanwhile
    // they say they are loading, with no error flashing up.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500)
    })
    expect(groupPanels()).toHaveLength(4)
    for (const panel of groupPanels()) {
      expect(within(panel).getByRole('status')).toHaveTextContent('数据加载中')
      expect(within(panel).queryByRole('alert')).toBeNull()
    }

    await advanceUntil(() => {
      const panels = groupPanels()
      expect(panels).toHaveLength(4)
      for (const panel of panels) expect(within(panel).getByRole('alert')).toBeInTheDocument()
    })

    expect(Date.now() - started).toBeGreaterThanOrEqual(7000)
    expect(groupPanels().map((p) => p.dataset.group)).toEqual(GROUPS.map((g) => g.id))
    for (const panel of groupPanels()) {
      const alert = within(panel).getByRole('alert')
      expect(alert).toHaveTextContent('数据源返回错误(HTTP 500)')
      expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument()
    }
    // The header does not say 加载中 beside them.
    expect(document.querySelector('.app-header')).toHaveTextContent('统计期间:数据未能加载')
    expect(document.body.textContent).not.toMatch(/Error|undefined|null|NaN|\[object/)
    expect(document.querySelector('[data-indicator-id]')).toBeNull()

    // The source is back: 重试 loads the data.
    server.resetHandlers()
    await user.click(within(groupPanels()[0]!).getByRole('button', { name: '重试' }))
    await advanceUntil(
      () => expect(cardOf('stock-docs')).toHaveAccessibleName(reportedName('stock-docs', '3767份')),
      200,
    )
    expect(screen.queryAllByRole('alert')).toHaveLength(0)
  })

  it('shows a readable error when the data is not valid JSON', async () => {
    server.use(...scenarios.malformed)
    renderApp()
    await waitFor(
      () => {
        for (const panel of groupPanels())
          expect(within(panel).getByRole('alert')).toBeInTheDocument()
      },
      { timeout: 5000 },
    )
    for (const panel of groupPanels()) {
      expect(within(panel).getByRole('alert')).toHaveTextContent(
        '数据格式错误:返回内容不是有效的 JSON',
      )
    }
    expect(document.body.textContent).not.toMatch(/SyntaxError|Unexpected|undefined/)
  })
})

describe('overview with one bad value (scenario bad-value)', () => {
  it('shows an error only on the stock-docs card and the funnel that draws it', async () => {
    server.use(...scenarios['bad-value'])
    renderApp()
    const name = indicatorOf('stock-docs').name
    const bad = await cardNamed('stock-docs', `${name} 数据错误`)
    expect(within(bad).getByRole('alert')).toHaveTextContent('数据格式错误')
    expect(within(bad).queryByText('3767')).toBeNull()

    expect(within(chartOf('fair-stock')!).getByRole('alert')).toHaveTextContent('存量文件监测')
    expect(within(chartOf('fair-incremental')!).queryByRole('alert')).toBeNull()

    // Everything else still shows its figure.
    const others = [...document.querySelectorAll<HTMLElement>('[data-indicator-id]')].filter(
      (c) => c.dataset.indicatorId !== 'stock-docs',
    )
    expect(others).toHaveLength(33)
    for (const card of others) {
      expect(card).toHaveAttribute('data-status', 'reported')
      expect(within(card).queryByRole('alert')).toBeNull()
    }
    expect(cardOf('stock-risks')).toHaveAccessibleName(reportedName('stock-risks', '65次'))
    expect(cardOf('docs-repealed')).toHaveAccessibleName(reportedName('docs-repealed', '3份'))
    // No panel and no page-wide banner fails because of one value.
    expect(screen.getAllByRole('alert')).toHaveLength(2)
  })

  it('says what is wrong with the value in words', async () => {
    server.use(...scenarios['bad-value'])
    renderApp()
    const bad = await cardNamed('stock-docs', `${indicatorOf('stock-docs').name} 数据错误`)
    expect(within(bad).getByRole('alert')).toHaveTextContent('数值应为数字(实际为文本)')
  })
})

describe('overview with no observations (scenario empty)', () => {
  it('shows 无数据 on every card, never a zero', async () => {
    server.use(...scenarios.empty)
    renderApp()
    await cardNamed('stock-docs', `${indicatorOf('stock-docs').name} 无数据`)
    const cards = [...document.querySelectorAll<HTMLElement>('[data-indicator-id]')]
    expect(cards).toHaveLength(34)
    for (const card of cards) {
      expect(card).toHaveAccessibleName(`${indicatorOf(card.dataset.indicatorId!).name} 无数据`)
      expect(within(card).getByText('无数据')).toBeInTheDocument()
      expect(within(card).queryByText(/^0$/)).toBeNull()
      expect(within(card).queryByText('✓ 达标')).toBeNull()
      expect(within(card).queryByText('▲ 未达标')).toBeNull()
    }
  })

  it('shows the charts as empty instead of drawing zeros', async () => {
    server.use(...scenarios.empty)
    renderApp()
    await cardNamed('stock-docs', `${indicatorOf('stock-docs').name} 无数据`)
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart-id]')]
    expect(charts.length).toBeGreaterThan(0)
    for (const chart of charts) {
      expect(within(chart).getByText('暂无数据')).toBeInTheDocument()
      expect(within(chart).queryByRole('img')).toBeNull()
    }
  })
})

describe('group page', () => {
  it('shows the group with its cards and charts at #/group/fair-competition', async () => {
    window.location.hash = '#/group/fair-competition'
    renderApp()
    await cardNamed('incremental-docs', reportedName('incremental-docs', '401份'))
    expect(
      screen.getByRole('heading', { level: 2, name: '公平竞争审查(含合法性审查)' }),
    ).toBeInTheDocument()
    expect(cardOf('exam-pass-rate')).toBeNull()
    expect(chartOf('fair-stock')).not.toBeNull()
    expect(document.title).toContain('公平竞争审查')
  })
})
