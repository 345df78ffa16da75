// First: starts config.json and the data requests before anything else is evaluated.
import './lib/early-fetch'
import 'virtual:theme.css'
import './styles/base.css'
import './styles/panel.css'
import './styles/controls.css'
import './lib/zod-setup'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { keepLastGood } from './api/last-good'
import { canonicalizeOpeningUrl, prefetchOpeningData } from './api/start-data'
import { App } from './app/app'
import { loadRuntimeConfig } from './config/runtime-config'
import { configureApi } from './lib/api-client'
import { markMissingFlexGap } from './lib/flex-gap'
import { createQueryClient } from './lib/query-client'
import { registerServiceWorker } from './lib/service-worker'
import { userMessage } from './lib/user-message'

/** How long the first render waits for the opening view's data before it shows its loading state. */
const FIRST_RENDER_WAIT_MS = 800

async function start() {
  // Before any wait: the probe's layout costs nothing while the data is on its way.
  markMissingFlexGap()
  const loaded = await loadRuntimeConfig()
  configureApi({ baseUrl: loaded.config.apiBaseUrl, timeoutMs: loaded.config.requestTimeoutMs })
  if (import.meta.env.DEV && import.meta.env.VITE_MSW !== 'off') {
    // Development only: msw's service worker implements the data API from the dataset. The
    // production build has no msw; it fetches the JSON files the build emits.
    const { startMockWorker } = await import('../mocks/browser')
    await startMockWorker()
  }
  const client = createQueryClient(loaded.config)
  // The last good data kept in this browser fills the screen at once if the source is down.
  keepLastGood(client, loaded.config.apiBaseUrl)
  // The first render shows the figures: it waits for the data that is on its way (at most
  // FIRST_RENDER_WAIT_MS; the page's own "加载中" line shows meanwhile).
  await prefetchOpeningData(client, FIRST_RENDER_WAIT_MS)
  canonicalizeOpeningUrl(client, loaded.config.showDemoData)
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App loaded={loaded} client={client} />
    </StrictMode>,
  )
  registerServiceWorker()
}

/** If the app cannot start at all, the page says so in words instead of staying blank. */
function showBootError(error: unknown) {
  const root = document.getElementById('root')
  if (!root) return
  const message = document.createElement('p')
  message.className = 'boot-message boot-message--error'
  message.setAttribute('role', 'alert')
  message.textContent = `⚠ ${userMessage(error, '看板无法启动')}`
  root.textContent = ''
  root.appendChild(message)
}

start().catch(showBootError)
