import type { Fact, FactKind } from '@/domain/schemas'

/**
 * The words around a fact: what kind of statement it is. The statement itself is always the
 * report's own words (`source.quote`), never reworded, so nothing here adds a claim.
 */
export const FACT_KIND_TEXT: Record<FactKind, string> = {
  ranking: '排名',
  zero: '零发生',
  trend: '趋势',
  coverage: '全覆盖',
}

/** "重点案件化解稳定率位居全市前列(排名,2024年)": a fact as one line of text for exports. */
export function factLine(fact: Fact): string {
  return `${fact.source.quote}(${FACT_KIND_TEXT[fact.kind]},${fact.year}年)`
}
