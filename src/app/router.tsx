import { createHashRouter } from 'react-router'
import { AppLayout } from './layout'
import { GroupRoute } from './routes/group'
import { NotFoundRoute } from './routes/not-found'
import { OverviewRoute } from './routes/overview'
import { ScreenRoute } from './routes/screen'

/**
 * A hash router: the build is plain static files, so any host serves every view without rewrite
 * rules, and a copied link (…/#/group/fair-competition?year=2023) reopens the same view.
 */
export function createAppRouter() {
  return createHashRouter([
    { path: '/screen', element: <ScreenRoute /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <OverviewRoute /> },
        { path: 'group/:groupId', element: <GroupRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ])
}
