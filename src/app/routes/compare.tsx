import { DataBoundary } from '@/components/data-boundary'
import { CompareView } from '@/features/compare/components/compare-view'

/** 对比分析: loaded lazily from the router, with the radar and dataZoom modules it registers. */
export default function CompareRoute() {
  return (
    <section className="compare-page" aria-labelledby="compare-page-title">
      <h2 className="group-page__title" id="compare-page-title">
        对比分析
      </h2>
      <DataBoundary name="对比分析" staleNote>
        <CompareView />
      </DataBoundary>
    </section>
  )
}
