import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChartView } from '@/lib/charts/chart-view'
import { ExportMenu } from './export-menu'

/**
 * The 导出 menu of a chart panel as a keyboard user meets it (WAI-ARIA APG "menu button"): Enter,
 * Space and the arrow keys open it with the focus in it, the arrows and Home/End move, Escape and
 * Tab close it. A click and a press outside work as before.
 */

const exported = vi.hoisted(() => ({ ratios: [] as number[], files: [] as string[] }))

vi.mock('@/lib/export/render', () => ({
  renderChartImage: async ({ ratio }: { ratio: number }) => {
    exported.ratios.push(ratio)
    return {
      blob: new Blob(['png']),
      width: 300 * ratio,
      height: 200 * ratio,
      ratio,
      clamped: false,
    }
  },
}))

vi.mock('@/lib/download', () => ({
  downloadBlob: (_blob: Blob, name: string) => {
    exported.files.push(name)
  },
}))

const VIEW: ChartView = {
  id: 'cases-by-org',
  title: '办理案件数',
  option: () => ({}),
  table: { columns: ['单位', '件'], rows: [] },
  summary: '办理案件数',
  state: { kind: 'ready' },
  hasDemo: false,
  hasDerived: false,
  export: {
    title: '办理案件数',
    group: '执法队伍建设',
    organization: '各单位',
    period: '2024年度',
    unit: '件',
    source: '通州湾示范区2024年法治政府建设情况报告',
    year: 2024,
    accent: '#2bc3ff',
  },
}

const ITEMS = ['PNG 图片 2×', 'PNG 图片 3×', 'PNG 图片 4×', '复制到剪贴板'] as const

/** The menu between two other controls of a panel head, as in ChartPanel. */
function show() {
  const user = userEvent.setup()
  const box = document.createElement('div')
  render(
    <div>
      <button type="button">之前</button>
      <ExportMenu view={VIEW} chartBox={() => box} />
      <button type="button">表格</button>
      <p>别处</p>
    </div>,
  )
  const button = screen.getByRole('button', { name: '导出图片' })
  return { user, button }
}

const item = (name: string) => screen.getByRole('menuitem', { name })
const menu = () => screen.queryByRole('menu')

/** Focus on the 导出 button, by the keyboard. */
async function focusButton(user: ReturnType<typeof userEvent.setup>, button: HTMLElement) {
  await user.tab()
  await user.tab()
  expect(button).toHaveFocus()
}

beforeEach(() => {
  exported.ratios.length = 0
  exported.files.length = 0
})

describe('the 导出 menu button from the keyboard', () => {
  it('Enter opens it, named after the button, with the focus on the first item', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}')
    expect(menu()).toHaveAccessibleName('导出图片')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(button).toHaveAttribute('aria-controls', menu()!.id)
    expect(item(ITEMS[0])).toHaveFocus()
  })

  it('Space opens it with the focus on the first item', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard(' ')
    expect(menu()).toBeInTheDocument()
    expect(item(ITEMS[0])).toHaveFocus()
  })

  it('ArrowDown opens it on the first item, ArrowUp on the last', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{ArrowDown}')
    expect(item(ITEMS[0])).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(menu()).toBeNull()
    await user.keyboard('{ArrowUp}')
    expect(item(ITEMS[3])).toHaveFocus()
  })

  it('ArrowDown and ArrowUp move between the items, round the ends', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}')
    for (const name of [...ITEMS.slice(1), ITEMS[0]]) {
      await user.keyboard('{ArrowDown}')
      expect(item(name)).toHaveFocus()
    }
    for (const name of [ITEMS[3], ITEMS[2], ITEMS[1], ITEMS[0]]) {
      await user.keyboard('{ArrowUp}')
      expect(item(name)).toHaveFocus()
    }
  })

  it('Home and End jump to the first and the last item', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}{ArrowDown}')
    await user.keyboard('{End}')
    expect(item(ITEMS[3])).toHaveFocus()
    await user.keyboard('{Home}')
    expect(item(ITEMS[0])).toHaveFocus()
  })

  it('Escape closes it and gives the focus back to 导出', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}{ArrowDown}')
    expect(item(ITEMS[1])).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(menu()).toBeNull()
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('Tab closes it and goes on to the next control; Shift+Tab closes it on 导出', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}{ArrowDown}')
    expect(item(ITEMS[1])).toHaveFocus()
    await user.tab()
    expect(menu()).toBeNull()
    expect(screen.getByRole('button', { name: '表格' })).toHaveFocus()

    await user.tab({ shift: true })
    await user.keyboard('{ArrowDown}')
    expect(item(ITEMS[0])).toHaveFocus()
    await user.tab({ shift: true })
    expect(menu()).toBeNull()
    expect(button).toHaveFocus()
  })

  it('Enter and Space on an item export as before; the menu stays open on the item', async () => {
    const { user, button } = show()
    await focusButton(user, button)
    await user.keyboard('{Enter}{ArrowDown}{Enter}')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^已导出 /))
    expect(exported.ratios).toEqual([3])
    expect(exported.files).toEqual([
      expect.stringMatching(/^执法队伍建设-办理案件数-2024-\d{8}\.png$/),
    ])
    expect(item(ITEMS[1])).toHaveFocus()
    await user.keyboard('{ArrowDown} ')
    await waitFor(() => expect(exported.ratios).toEqual([3, 4]))
    expect(item(ITEMS[2])).toHaveFocus()
    expect(screen.getByRole('status')).toHaveTextContent('1200×800')
  })

  it('a click still opens it and a press outside closes it; the arrows work after a click', async () => {
    const { user, button } = show()
    await user.click(button)
    expect(menu()).toBeInTheDocument()
    expect(button).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(item(ITEMS[0])).toHaveFocus()
    await user.click(screen.getByText('别处'))
    expect(menu()).toBeNull()
    await user.click(button)
    await user.click(button)
    expect(menu()).toBeNull()
  })

  it('Escape on 导出 closes a menu opened by a click; the items are not tab stops', async () => {
    const { user, button } = show()
    await user.click(button)
    for (const name of ITEMS) expect(item(name)).toHaveAttribute('tabindex', '-1')
    await user.keyboard('{Escape}')
    expect(menu()).toBeNull()
    expect(button).toHaveFocus()
  })
})
