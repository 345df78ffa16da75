import { setupWorker } from 'msw/browser'
import { handlers } from './handlers'
import { scenarioHandlers } from './scenarios'

/** Starts the mock API in the browser (development only); ?scenario=… picks a failure to show. */
export async function startMockWorker() {
  const scenario = new URLSearchParams(window.location.search).get('scenario')
  const worker = setupWorker(...scenarioHandlers(scenario), ...handlers)
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  return worker
}
