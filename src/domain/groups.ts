import type { Group } from './schemas'

/**
 * The four groups of the report. The contract fixes them (groupIdSchema); the names here let the
 * page lay out its panels before meta.json has arrived, and stand in if it never does.
 */
export const GROUPS: Group[] = [
  { id: 'admin-services', name: '行政服务', fullName: '行政服务', description: '' },
  {
    id: 'fair-competition',
    name: '公平竞争审查',
    fullName: '公平竞争审查(含合法性审查)',
    description: '',
  },
  { id: 'enforcement-team', name: '执法队伍建设', fullName: '执法队伍建设', description: '' },
  { id: 'dispute-resolution', name: '矛盾纠纷化解', fullName: '矛盾纠纷化解', description: '' },
]
