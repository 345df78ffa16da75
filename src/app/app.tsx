import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RuntimeConfigContext } from '@/config/runtime-config-context'
import type { LoadedConfig } from '@/config/runtime-config'
import { createQueryClient } from '@/lib/query-client'
import { useHashLocation, useScrollRestoration } from '@/lib/router/hash-router'
import { ThemeProvider } from '@/lib/theme/theme-context'
import { RootErrorBoundary } from './root-error-boundary'
import { useRouteTheme } from './route-theme'
import { AppRoutes } from './router'

export function App({ loaded }: { loaded: LoadedConfig }) {
  const [queryClient] = useState(() => createQueryClient(loaded.config))
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
