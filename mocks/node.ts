import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** The same handlers for vitest; tests run with onUnhandledRequest: 'error'. */
export const server = setupServer(...handlers)
