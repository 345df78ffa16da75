import { DataBoundary } from '@/components/data-boundary'
import { BriefingView } from '@/features/briefing/components/briefing-view'

/**
 * 简报: the briefing's words per group with copy buttons. Not a lazy chunk: it is small, and a
 * third lazy route sharing the data layer made the bundler move zod into a shared chunk that ran
 * before src/lib/zod-setup.ts (an eval probe, refused by the CSP).
 */
export function BriefingRoute() {
  return (
    <section className="briefing-page" aria-labelledby="briefing-page-title">
      <h2 className="group-page__title" id="briefing-page-title">
        简报
      </h2>
      <DataBoundary name="简报" staleNote>
        <BriefingView />
      </DataBoundary>
    </section>
  )
}
