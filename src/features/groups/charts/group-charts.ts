import type { GroupId } from '@/domain/schemas'

export type ChartKind = 'rings' | 'bars' | 'funnel'

export interface ChartSpec {
  id: string
  group: GroupId
  title: string
  kind: ChartKind
  /** The indicators the chart draws, in order. */
  indicatorIds: string[]
  /** A note shown under the title, e.g. that funnel widths are not to scale. */
  note?: string
}

/**
 * Which charts each group shows, chosen for its data: rings for rates against a target, bars for
 * counts, funnels for review → risk → repeal.
 */
export const GROUP_CHARTS: ChartSpec[] = [
  {
    id: 'admin-rates',
    group: 'admin-services',
    title: '政务服务事项比率',
    kind: 'rings',
    indicatorIds: ['apply-power-deploy-rate', 'service-guide-rate', 'time-limit-compression'],
  },
  {
    id: 'admin-services-count',
    group: 'admin-services',
    title: '法治服务次数',
    kind: 'bars',
    indicatorIds: ['public-legal-services', 'enterprise-legal-services'],
  },
  {
    id: 'fair-incremental',
    group: 'fair-competition',
    title: '增量文件评估 → 预警风险',
    kind: 'funnel',
    indicatorIds: ['incremental-docs', 'incremental-warnings'],
    note: '漏斗宽度示意顺序,不按比例',
  },
  {
    id: 'fair-stock',
    group: 'fair-competition',
    title: '存量文件监测 → 风险 → 废止',
    kind: 'funnel',
    indicatorIds: ['stock-docs', 'stock-risks', 'docs-repealed'],
    note: '漏斗宽度示意顺序,不按比例',
  },
  {
    id: 'fair-legality',
    group: 'fair-competition',
    title: '合法性审查与政策清理',
    kind: 'bars',
    indicatorIds: [
      'contracts-rechecked',
      'enterprise-policy-docs',
      'clauses-improved',
      'gov-contracts-reviewed',
    ],
  },
  {
    id: 'enforcement-rates',
    group: 'enforcement-team',
    title: '考试通过率与培训完成率',
    kind: 'rings',
    indicatorIds: ['exam-pass-rate', 'training-completion-rate'],
  },
  {
    id: 'enforcement-team-count',
    group: 'enforcement-team',
    title: '执法队伍与培训',
    kind: 'bars',
    indicatorIds: [
      'officers-covered',
      'trainings-attended',
      'certificates-revoked',
      'new-officers',
    ],
  },
  {
    id: 'enforcement-openness',
    group: 'enforcement-team',
    title: '执法事项瘦身与政务公开',
    kind: 'bars',
    indicatorIds: ['items-streamlined', 'proactive-disclosures', 'on-request-disclosures'],
  },
  {
    id: 'dispute-rates',
    group: 'dispute-resolution',
    title: '信访与应诉比率',
    kind: 'rings',
    indicatorIds: [
      'petition-accept-rate',
      'petition-handle-rate',
      'petition-review-quality',
      'leader-court-appearance-rate',
    ],
  },
  {
    id: 'dispute-mediation',
    group: 'dispute-resolution',
    title: '调解与争议化解',
    kind: 'bars',
    indicatorIds: [
      'pre-litigation-mediations',
      'invited-mediators',
      'admin-cases-withdrawn',
      'hard-cases-resolved',
      'long-running-case-mediated',
    ],
  },
]

export const chartsOfGroup = (group: GroupId) => GROUP_CHARTS.filter((c) => c.group === group)
