import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { RuntimeConfigContext } from '@/config/runtime-config-context'
import type { LoadedConfig } from '@/config/runtime-config'
import { createQueryClient } from '@/lib/query-client'
import { useHashLocation, useScrollRestoration } from '@/lib/router/hash-router'
import { ThemeProvider } from '@/lib/theme/theme-context'
import { RootErrorBoundary } from './root-error-boundary'
import { useRouteTheme } from './route-theme'
import { AppRoutes } from './router'

/** The app; `client` is the query client main.tsx made (tests leave it to the app). */
export function App({ loaded, client }: { loaded: LoadedConfig; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient(loaded.config))
  const { pathname } = useHashLocation()
  const theme = useRouteTheme()
  useScrollRestoration()
  return (
    <ThemeProvider name={theme}>
      <RuntimeConfigContext.Provider value={loaded}>
        <QueryClientProvider client={queryClient}>
          <RootErrorBoundary resetKey={pathname}>
            <AppRoutes />
          </RootErrorBoundary>
        </QueryClientProvider>
      </RuntimeConfigContext.Provider>
    </ThemeProvider>
  )
}
