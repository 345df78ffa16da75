/**
 * The charts' 导出 menu from the keyboard, on the production build at 1920×1080 (WAI-ARIA APG
 * "menu button"): Enter or an arrow on 导出 opens it with the focus on an item, the arrows move
 * (round the ends), Escape closes it and gives the focus back to 导出, Tab closes it and goes on,
 * and Enter on an item exports with the menu left open on its status.
 *
 * The key checks read the page with evaluate/waitForFunction, not Playwright's locators (their
 * visibility checks need Chromium 105), so they also run in the oldest of the old Chromium builds
 * of old-chromium.mjs ($OLD_CHROMIUM_VERSIONS, 83 by default).
 */
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { downloadFile, useHarness, waitForCardsAndCharts } from './helpers.mjs'
import { launchOldChromium, testedOldChromiumVersions } from './old-chromium.mjs'

const CHART = 'fair-stock'

/** Where the focus is and whether the menu of the chart's panel is open. */
function menuState(page) {
  return page.evaluate((chart) => {
    const panel = document.querySelector(`[data-chart-id="${chart}"]`)
    const button = panel.querySelector('button[aria-label="导出图片"]')
    const menu = panel.querySelector('[role="menu"]')
    const active = document.activeElement
    const focus =
      active === button
        ? '导出'
        : active && panel.contains(active)
          ? active.textContent.trim()
          : `outside the panel: ${active ? active.tagName : 'none'}`
    return {
      open: menu !== null,
      expanded: button.getAttribute('aria-expanded'),
      focus,
      role: active ? active.getAttribute('role') : null,
      // The focused item must be seen: Chromium 83 has no :focus-visible.
      outline: active ? getComputedStyle(active).outlineStyle : null,
    }
  }, CHART)
}

/** Waits (briefly) until the focus is on the panel's control reading `text`, then checks it. */
async function expectFocus(page, text, { open }) {
  await page
    .waitForFunction(
      ({ chart, text }) => {
        const panel = document.querySelector(`[data-chart-id="${chart}"]`)
        const a = document.activeElement
        const label = a && a.getAttribute('aria-label') === '导出图片' ? '导出' : a?.textContent
        return panel.contains(a) && label.trim() === text
      },
      { chart: CHART, text },
      { timeout: 2_000 },
    )
    .catch(() => undefined)
  const state = await menuState(page)
  assert.equal(state.focus, text, `focus: ${JSON.stringify(state)}`)
  assert.equal(state.open, open, `menu open: ${JSON.stringify(state)}`)
  assert.equal(state.expanded, String(open), `aria-expanded: ${JSON.stringify(state)}`)
  if (state.role === 'menuitem') assert.notEqual(state.outline, 'none', 'the item shows its focus')
}

/** Puts the focus on the chart's 导出 button, as Tab would. */
function focusExportButton(page) {
  return page.evaluate((chart) => {
    document.querySelector(`[data-chart-id="${chart}"] button[aria-label="导出图片"]`).focus()
  }, CHART)
}

/** The key checks, in the browser `launch` gives (Debian's Chromium unless told otherwise). */
function keyChecks(launch) {
  const harness = useHarness(launch ? { launch } : {})
  const open = (t) => harness.open(t, '#/', { waitFor: waitForCardsAndCharts })

  it('Enter opens it on the first item, the arrows move round, Escape gives 导出 the focus', async (t) => {
    const { page } = await open(t)
    await focusExportButton(page)
    await expectFocus(page, '导出', { open: false })
    await page.keyboard.press('Enter')
    await expectFocus(page, 'PNG 图片 2×', { open: true })
    await page.keyboard.press('ArrowDown')
    await expectFocus(page, 'PNG 图片 3×', { open: true })
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expectFocus(page, '复制到剪贴板', { open: true })
    await page.keyboard.press('ArrowDown')
    await expectFocus(page, 'PNG 图片 2×', { open: true })
    await page.keyboard.press('End')
    await expectFocus(page, '复制到剪贴板', { open: true })
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await expectFocus(page, 'PNG 图片 3×', { open: true })
    await page.keyboard.press('Escape')
    await expectFocus(page, '导出', { open: false })
  })

  it('ArrowDown and Space open it too; Tab closes it and goes on to 表格', async (t) => {
    const { page } = await open(t)
    await focusExportButton(page)
    await page.keyboard.press('ArrowDown')
    await expectFocus(page, 'PNG 图片 2×', { open: true })
    await page.keyboard.press('Tab')
    await expectFocus(page, '表格', { open: false })
    await page.keyboard.press('Shift+Tab')
    await expectFocus(page, '导出', { open: false })
    await page.keyboard.press(' ')
    await expectFocus(page, 'PNG 图片 2×', { open: true })
    await page.keyboard.press('ArrowUp')
    await expectFocus(page, '复制到剪贴板', { open: true })
    await page.keyboard.press('Tab')
    await expectFocus(page, '表格', { open: false })
  })
}

describe('the 导出 menu from the keyboard', () => {
  keyChecks()

  describe('exporting by the keyboard', () => {
    const harness = useHarness()
    const downloads = mkdtempSync(join(tmpdir(), 'tzw-export-keys-'))

    it('Enter on an item exports the PNG; the menu stays open on the item with its status', async (t) => {
      const { page } = await harness.open(t, '#/', {
        acceptDownloads: true,
        waitFor: waitForCardsAndCharts,
      })
      await focusExportButton(page)
      await page.keyboard.press('Enter')
      await page.keyboard.press('ArrowDown')
      await expectFocus(page, 'PNG 图片 3×', { open: true })
      const file = await downloadFile(page, () => page.keyboard.press('Enter'), downloads)
      assert.match(file.name, /^公平竞争审查-存量文件监测-风险-废止-2024-\d{8}\.png$/)
      await page.waitForFunction(
        (chart) =>
          /已导出/.test(
            document.querySelector(`[data-chart-id="${chart}"] .export-menu__status`)
              ?.textContent ?? '',
          ),
        CHART,
      )
      await expectFocus(page, 'PNG 图片 3×', { open: true })
      await page.keyboard.press('Escape')
      await expectFocus(page, '导出', { open: false })
    })
  })
})

// The oldest of the old builds the suite runs (Chromium 83 by default): the newer ones between it
// and the current one add nothing these key checks need.
const OLD = testedOldChromiumVersions()
for (const version of OLD.length > 0 ? [Math.min(...OLD)] : []) {
  describe(`the 导出 menu from the keyboard in Chromium ${version}`, () => {
    keyChecks(() => launchOldChromium(version))
  })
}
