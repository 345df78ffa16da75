/**
 * In-page probes of the load and interaction benchmarks (scripts/bench/run.mjs). Each function is
 * serialised into the page by Playwright (`addInitScript` or `evaluate`), so it may use nothing
 * from its module scope. All times are performance.now() in the page: ms since navigation start
 * for loads, ms since the interaction for interactions.
 *
 * Two independent measures of "a chart is drawn":
 *   - ours: `data-chart-state="finished"`, set by the chart wrapper on ECharts' `finished` event
 *     (src/lib/echarts/echart-impl.tsx), i.e. after the entry or update animation has ended;
 *   - pixels: the chart's canvas holds a picture (not one uniform colour), checked on every
 *     animation frame. A chart is an element with ECharts' `_echarts_instance_` attribute, so the
 *     measure works on any ECharts page, not only through our own event. It reports the first
 *     frame in which something was painted, whether or not an animation is still running.
 */

/**
 * Installed before any page script and before the other probes (addInitScript): what the probes
 * share, on `window.__benchTools` (each probe is serialised on its own, so they cannot share
 * module scope).
 *   inView(el)  – the element has a size and intersects the viewport;
 *   blank(c)    – the canvas holds no picture: one uniform colour (transparent or a background)
 *                 in a 64×64 scaled copy, read with getImageData.
 */
export function installTools() {
  const SIDE = 64
  let scratch = null
  window.__benchTools = {
    inView(el) {
      const r = el.getBoundingClientRect()
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.bottom > 0 &&
        r.right > 0 &&
        r.top < window.innerHeight &&
        r.left < window.innerWidth
      )
    },
    blank(canvas) {
      if (!canvas.width || !canvas.height) return true
      if (!scratch) {
        scratch = document.createElement('canvas')
        scratch.width = scratch.height = SIDE
      }
      const ctx = scratch.getContext('2d')
      ctx.clearRect(0, 0, SIDE, SIDE)
      ctx.drawImage(canvas, 0, 0, SIDE, SIDE)
      const d = ctx.getImageData(0, 0, SIDE, SIDE).data
      for (let i = 4; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3])
          return false
      }
      return true
    },
  }
}

/**
 * Installed before any page script runs (addInitScript). Watches, from navigation start:
 *   cardsAt       – the first moment `expectedCards` metric cards with a figure are in the DOM;
 *   firstDrawnAt  – the first frame in which a visible chart's canvas holds non-blank pixels;
 *   visibleDrawnAt– the first frame in which `expectedVisible` visible charts do;
 *   finishedAt    – the first moment `expectedCharts` chart holders are all "finished" (ours);
 *   visibleFinishedAt – the first moment every visible holder (at least `expectedVisible`) is.
 * `window.__bench.settled` turns true once both visible measures are in and the page stayed quiet
 * for `quietMs`, or after `timeoutMs`.
 */
export function loadProbe({ expectedCards, expectedVisible, expectedCharts, quietMs, timeoutMs }) {
  const state = {
    cardsAt: null,
    firstDrawnAt: null,
    visibleDrawnAt: null,
    finishedAt: null,
    lastFinishedAt: null,
    visibleFinishedAt: null,
    drawnCharts: 0,
    pixelChecks: 0,
    renderingAfterFinished: 0,
    settled: false,
    timedOut: false,
  }
  window.__bench = state
  const { inView, blank } = window.__benchTools

  // --- cards: a mutation observer on the document's children
  const cardsDone = () => {
    if (expectedCards <= 0) return true
    const figures = document.querySelectorAll('.metric-card .metric-card__figure')
    return figures.length >= expectedCards
  }
  const cardObserver = new MutationObserver(() => {
    if (state.cardsAt === null && cardsDone()) {
      state.cardsAt = performance.now()
      cardObserver.disconnect()
    }
  })
  cardObserver.observe(document, { subtree: true, childList: true })

  // --- ours: data-chart-state
  const holders = () => [...document.querySelectorAll('[data-chart-state]')]
  const finished = (h) => h.getAttribute('data-chart-state') === 'finished'
  const stateObserver = new MutationObserver(() => {
    const now = performance.now()
    const all = holders()
    if (state.finishedAt !== null && all.some((h) => !finished(h))) state.renderingAfterFinished++
    if (all.length >= expectedCharts && all.every(finished)) {
      if (state.finishedAt === null) state.finishedAt = now
      state.lastFinishedAt = now
    }
    const visible = all.filter(inView)
    if (
      state.visibleFinishedAt === null &&
      visible.length >= expectedVisible &&
      visible.every(finished)
    )
      state.visibleFinishedAt = now
  })
  stateObserver.observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-chart-state'],
  })

  // --- pixels: every animation frame, the canvases of charts not yet seen drawn
  const drawn = new WeakSet()
  const frame = () => {
    const now = performance.now()
    let visibleDrawn = 0
    for (const chart of document.querySelectorAll('[_echarts_instance_]')) {
      if (!inView(chart)) continue
      if (!drawn.has(chart)) {
        for (const canvas of chart.querySelectorAll('canvas')) {
          state.pixelChecks++
          if (!blank(canvas)) {
            drawn.add(chart)
            break
          }
        }
      }
      if (drawn.has(chart)) visibleDrawn++
    }
    state.drawnCharts = visibleDrawn
    if (visibleDrawn > 0 && state.firstDrawnAt === null) state.firstDrawnAt = now
    if (visibleDrawn >= expectedVisible && state.visibleDrawnAt === null) state.visibleDrawnAt = now
    if (state.visibleDrawnAt === null) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)

  // --- settling
  const started = performance.now()
  const check = () => {
    const done =
      state.visibleDrawnAt !== null &&
      state.cardsAt !== null &&
      state.finishedAt !== null &&
      performance.now() - Math.max(state.lastFinishedAt ?? 0, state.visibleDrawnAt) >= quietMs
    if (done || performance.now() - started > timeoutMs) {
      state.timedOut = !done
      state.settled = true
      stateObserver.disconnect()
      cardObserver.disconnect()
      return
    }
    setTimeout(check, 100)
  }
  setTimeout(check, 100)
}

/**
 * After a settled load: what the page shows, for the warm-up count of cards, charts and visible
 * charts, and navigation and resource timing. `files` are the build's initial and ECharts files.
 */
export function pageFacts(files) {
  const { inView } = window.__benchTools
  const nav = performance.getEntriesByType('navigation')[0]
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  const resources = performance.getEntriesByType('resource')
  const end = (test) => {
    const hits = resources.filter((r) => test(new URL(r.name).pathname))
    return hits.length ? Math.max(...hits.map((r) => r.responseEnd)) : null
  }
  const oneOf = (list) => (path) => list.some((f) => path.endsWith(`/${f}`))
  return {
    cards: document.querySelectorAll('.metric-card .metric-card__figure').length,
    charts: document.querySelectorAll('[data-chart-state]').length,
    chartSlots: document.querySelectorAll('.chart-panel__chart').length,
    visibleCharts: [...document.querySelectorAll('[_echarts_instance_]')].filter(inView).length,
    canvases: document.querySelectorAll('canvas').length,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
    fcp: fcp?.startTime ?? null,
    initialJsEnd: files ? end(oneOf(files.initial)) : null,
    echartsEnd: files?.echarts.length ? end(oneOf(files.echarts)) : null,
    dataEnd: end((path) => /\/data\/[^/]*\.json$/.test(path)),
  }
}

/**
 * Does `action` and resolves when every chart holder on the page (at least `expected`) has
 * reported "finished" since (ms since just before the action), also giving the first chart's
 * time and when the last chart was handed its new option ("rendering", marked by the wrapper on
 * each update). A chart whose option did not change never reports: after `quietMs` without a
 * mutation (`firstQuietMs` before the first) the probe settles with reason "quiet".
 * `action`: { select: i, value } sets the i-th <select> of the filter bar (0: year, 1: unit) and
 * fires `change`; { click: selector } clicks the element.
 */
export function settleProbe({ action, expected = 1, quietMs, firstQuietMs = 3000, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const target =
      'select' in action
        ? document.querySelectorAll('.filter-bar select')[action.select]
        : document.querySelector(action.click)
    if (!target) return reject(new Error(`nothing to act on: ${JSON.stringify(action)}`))
    if ('select' in action && ![...target.options].some((o) => o.value === String(action.value)))
      return reject(new Error(`${action.value} is not an option of <select> #${action.select}`))
    const finishedAt = new Map()
    const renderingAt = new Map()
    let quiet = 0
    let hard = 0
    const holders = () => [...document.querySelectorAll('[data-chart-state]')]
    const done = (reason) => {
      observer.disconnect()
      clearTimeout(quiet)
      clearTimeout(hard)
      const times = [...finishedAt.values()]
      const starts = [...renderingAt.values()]
      const current = holders()
      const table = document.querySelector('.compare-table table')
      resolve({
        reason,
        ms: times.length ? Math.max(...times) - t0 : null,
        firstChartMs: times.length ? Math.min(...times) - t0 : null,
        appliedMs: starts.length ? Math.max(...starts) - t0 : null,
        chartsReported: current.filter((h) => finishedAt.has(h)).length,
        chartsMarkedRendering: current.filter((h) => renderingAt.has(h)).length,
        charts: current.length,
        value: 'select' in action ? target.value : target.checked,
        tableRows: table ? Number(table.getAttribute('aria-rowcount') ?? 1) - 1 : null,
      })
    }
    const settled = () => {
      const current = holders()
      return (
        current.length >= expected &&
        current.every((h) => h.getAttribute('data-chart-state') === 'finished' && finishedAt.has(h))
      )
    }
    const observer = new MutationObserver((records) => {
      const now = performance.now()
      records.forEach((r, i) => {
        // The new value of a record is the oldValue of the holder's next record, if any.
        const later = records.slice(i + 1).find((x) => x.target === r.target)
        const v = later ? later.oldValue : r.target.getAttribute('data-chart-state')
        if (v === 'finished') finishedAt.set(r.target, now)
        else renderingAt.set(r.target, now)
      })
      if (settled()) return done('all-reported')
      clearTimeout(quiet)
      quiet = setTimeout(() => done('quiet'), quietMs)
    })
    observer.observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-chart-state'],
    })
    hard = setTimeout(() => done('timeout'), timeoutMs)
    quiet = setTimeout(() => done('quiet'), Math.max(quietMs, firstQuietMs))
    const t0 = performance.now()
    if ('select' in action) {
      target.value = String(action.value)
      target.dispatchEvent(new Event('change', { bubbles: true }))
    } else target.click()
  })
}

/**
 * On the big screen: presses → (the next page) and resolves when the new page is on show with
 * every chart of it finished (ours) and every chart's canvas holding non-blank pixels (the pixel
 * measure, checked each animation frame), in ms since the key press.
 */
export function screenPageProbe({ timeoutMs }) {
  return new Promise((resolve) => {
    const screen = document.querySelector('.screen[data-page]')
    const from = screen?.getAttribute('data-page')
    const result = {
      from,
      to: null,
      finishedMs: null,
      drawnMs: null,
      firstDrawnMs: null,
      charts: 0,
    }
    const { blank } = window.__benchTools
    const drawn = new WeakSet()
    const started = performance.now()
    const t0 = performance.now()
    const frame = () => {
      const now = performance.now()
      const page = document.querySelector('.screen[data-page]')?.getAttribute('data-page')
      if (page && page !== from) {
        result.to = page
        const slots = [...document.querySelectorAll('.screen-body .chart-panel__chart')]
        const holders = [...document.querySelectorAll('.screen-body [data-chart-state]')]
        result.charts = slots.length
        if (
          result.finishedMs === null &&
          slots.length > 0 &&
          holders.length === slots.length &&
          holders.every((h) => h.getAttribute('data-chart-state') === 'finished')
        )
          result.finishedMs = now - t0
        let n = 0
        for (const slot of slots) {
          if (!drawn.has(slot)) {
            for (const c of slot.querySelectorAll('canvas')) {
              if (!blank(c)) {
                drawn.add(slot)
                break
              }
            }
          }
          if (drawn.has(slot)) n++
        }
        if (n > 0 && result.firstDrawnMs === null) result.firstDrawnMs = now - t0
        if (slots.length > 0 && n === slots.length && result.drawnMs === null)
          result.drawnMs = now - t0
      }
      if ((result.finishedMs === null || result.drawnMs === null) && now - started < timeoutMs)
        requestAnimationFrame(frame)
      else resolve({ ...result, timedOut: result.finishedMs === null || result.drawnMs === null })
    }
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    requestAnimationFrame(frame)
  })
}
