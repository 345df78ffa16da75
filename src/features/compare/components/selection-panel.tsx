import { useId, useMemo, useState } from 'react'
import type { Group, Indicator, Organization } from '@/domain/schemas'
import type { CompareSelection } from '../selection'

const ORG_TYPES: { type: Organization['type']; label: string }[] = [
  { type: 'district', label: '全区' },
  { type: 'town', label: '镇、办事处' },
  { type: 'department', label: '部门' },
]

/** Lists longer than this get a search box. */
const SEARCH_FROM = 12
/** Groups longer than this start folded (1,000 boxes would slow every change of selection). */
const FOLD_FROM = 40

interface Option {
  id: string
  label: string
  title?: string
}

interface OptionGroupProps {
  label: string
  options: Option[]
  selected: ReadonlySet<string>
  onChange: (ids: string[], checked: boolean) => void
  /** A search is narrowing the list: show it unfolded. */
  searching?: boolean
}

/** A titled list of checkboxes with an "all" box (checked, unchecked or mixed) for the group. */
function OptionGroup({ label, options, selected, onChange, searching = false }: OptionGroupProps) {
  const [unfolded, setUnfolded] = useState(false)
  const count = options.filter((o) => selected.has(o.id)).length
  if (options.length === 0) return null
  const all = count === options.length
  const foldable = options.length > FOLD_FROM && !(searching && options.length <= 200)
  const open = !foldable || unfolded
  return (
    <div className="compare-choice__group">
      <label className="compare-choice__all">
        <input
          type="checkbox"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = count > 0 && !all
          }}
          onChange={() =>
            onChange(
              options.map((o) => o.id),
              !all,
            )
          }
          aria-label={`${label}:全选(已选 ${count}/${options.length})`}
        />
        <span>
          {label}
          <span className="compare-choice__count">
            {count}/{options.length}
          </span>
        </span>
      </label>
      {foldable && (
        <button
          type="button"
          className="button button--ghost button--small compare-choice__fold"
          aria-expanded={unfolded}
          onClick={() => setUnfolded(!unfolded)}
        >
          {unfolded ? '收起' : `展开 ${options.length} 项`}
        </button>
      )}
      {open && (
        <ul className="compare-choice__list">
          {options.map((o) => (
            <li key={o.id}>
              <label title={o.title}>
                <input
                  type="checkbox"
                  value={o.id}
                  checked={selected.has(o.id)}
                  onChange={(e) => onChange([o.id], e.target.checked)}
                />
                <OptionName label={o.label} />
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * A choice's name, whole (it wraps): a note at its end — (示例单位), (示例) — on the next line
 * rather than split or cut off, so the 示例 mark always shows.
 */
function OptionName({ label }: { label: string }) {
  const note = /^(.+?)((?:\(|（).+)$/.exec(label)
  return note ? (
    <span>
      {note[1]}
      <span className="compare-choice__note">{note[2]}</span>
    </span>
  ) : (
    <span>{label}</span>
  )
}

function SearchBox({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (v: string) => void
}) {
  return (
    <input
      type="search"
      className="compare-choice__search"
      placeholder={`筛选${label}`}
      aria-label={`筛选${label}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

function toggle(list: readonly string[], ids: string[], checked: boolean): Set<string> {
  const next = new Set(list)
  for (const id of ids) {
    if (checked) next.add(id)
    else next.delete(id)
  }
  return next
}

interface SelectionPanelProps {
  selection: CompareSelection
  groups: Group[]
  indicators: Indicator[]
  organizations: Organization[]
  years: number[]
  reportedYears: ReadonlySet<number>
  onChange: (patch: Partial<CompareSelection>) => void
  onReset: () => void
}

/** 指标, 单位 and 年度 to compare, as checkboxes in groups; every change goes to the URL. */
export function SelectionPanel({
  selection,
  groups,
  indicators,
  organizations,
  years,
  reportedYears,
  onChange,
  onReset,
}: SelectionPanelProps) {
  const id = useId()
  const [indQuery, setIndQuery] = useState('')
  const [orgQuery, setOrgQuery] = useState('')
  const selectedInd = useMemo(() => new Set(selection.indicatorIds), [selection.indicatorIds])
  const selectedOrg = useMemo(() => new Set(selection.orgIds), [selection.orgIds])
  const selectedYears = useMemo(() => new Set(selection.years.map(String)), [selection.years])

  const indGroups = useMemo(() => {
    const q = indQuery.trim()
    return groups.map((g) => ({
      group: g,
      options: indicators
        .filter((i) => i.group === g.id)
        .filter((i) => !q || i.name.includes(q) || i.shortName.includes(q) || i.code.includes(q))
        .map((i) => ({ id: i.id, label: i.shortName, title: `${i.name}(${i.unit})` })),
    }))
  }, [groups, indicators, indQuery])

  const orgGroups = useMemo(() => {
    const q = orgQuery.trim()
    return ORG_TYPES.map((t) => ({
      ...t,
      options: organizations
        .filter((o) => o.type === t.type)
        .filter((o) => !q || o.name.includes(q) || o.shortName.includes(q))
        .map((o) => ({ id: o.id, label: o.name })),
    }))
  }, [organizations, orgQuery])

  const keepOrder = <T,>(known: T[], set: Set<T>) => known.filter((k) => set.has(k))
  const setIndicators = (ids: string[], checked: boolean) =>
    onChange({
      indicatorIds: keepOrder(
        indicators.map((i) => i.id),
        toggle(selection.indicatorIds, ids, checked),
      ),
    })
  const setOrgs = (ids: string[], checked: boolean) =>
    onChange({
      orgIds: keepOrder(
        organizations.map((o) => o.id),
        toggle(selection.orgIds, ids, checked),
      ),
    })
  const setYears = (ids: string[], checked: boolean) =>
    onChange({
      years: keepOrder(years.map(String), toggle(selection.years.map(String), ids, checked)).map(
        Number,
      ),
    })

  return (
    <div className="compare-choice" aria-label="对比选择" role="region">
      <div className="compare-choice__head">
        <h3 className="compare-choice__title">选择对比范围</h3>
        <button type="button" className="button button--ghost button--small" onClick={onReset}>
          恢复默认
        </button>
      </div>

      <fieldset className="compare-choice__set" aria-describedby={`${id}-years`}>
        <legend>年度</legend>
        <p className="compare-choice__hint" id={`${id}-years`}>
          排名、同比与雷达图按筛选栏「年度」
        </p>
        <OptionGroup
          label="全部年度"
          options={years.map((y) => ({
            id: String(y),
            label: `${y}年${reportedYears.has(y) ? '' : '(示例)'}`,
          }))}
          selected={selectedYears}
          onChange={setYears}
        />
      </fieldset>

      <fieldset className="compare-choice__set">
        <legend>指标(已选 {selection.indicatorIds.length})</legend>
        {indicators.length > SEARCH_FROM && (
          <SearchBox label="指标" value={indQuery} onChange={setIndQuery} />
        )}
        <div className="compare-choice__scroll">
          {indGroups.map(({ group, options }) => (
            <OptionGroup
              key={group.id}
              label={group.name}
              options={options}
              selected={selectedInd}
              onChange={setIndicators}
              searching={indQuery.trim() !== ''}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="compare-choice__set">
        <legend>单位(已选 {selection.orgIds.length})</legend>
        {organizations.length > SEARCH_FROM && (
          <SearchBox label="单位" value={orgQuery} onChange={setOrgQuery} />
        )}
        <div className="compare-choice__scroll">
          {orgGroups.map((g) => (
            <OptionGroup
              key={g.type}
              label={g.label}
              options={g.options}
              selected={selectedOrg}
              onChange={setOrgs}
              searching={orgQuery.trim() !== ''}
            />
          ))}
        </div>
      </fieldset>
    </div>
  )
}
