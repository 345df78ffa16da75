// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  collectLicenses,
  formatLicenses,
  packageDirOf,
  readPackageFromDisk,
  type PackageInfo,
} from './licenses-plugin'

const NM = '/app/node_modules'

/** A fake node_modules: package folders to what their package.json and licence files say. */
const PACKAGES: Record<string, PackageInfo> = {
  [`${NM}/echarts`]: {
    name: 'echarts',
    version: '6.0.0',
    license: 'Apache-2.0',
    files: [
      { name: 'LICENSE', text: 'Apache License 2.0' },
      {
        name: 'NOTICE',
        text: 'Apache ECharts\nCopyright 2017-2025 The Apache Software Foundation',
      },
    ],
  },
  [`${NM}/@tanstack/query-core`]: {
    name: '@tanstack/query-core',
    version: '5.0.0',
    license: 'MIT',
    files: [{ name: 'LICENSE', text: 'MIT License (TanStack)' }],
  },
  [`${NM}/react`]: {
    name: 'react',
    version: '19.0.0',
    license: 'MIT',
    files: [{ name: 'LICENSE', text: 'MIT License (Meta)' }],
  },
  [`${NM}/echarts-for-react/node_modules/fast-deep-equal`]: {
    name: 'fast-deep-equal',
    version: '3.1.3',
    license: 'MIT',
    files: [],
  },
}

const reader = (dir: string) => PACKAGES[dir] ?? null

describe('licenses.txt: which packages ship', () => {
  it('lists each package whose modules are in the bundle once, sorted, and nothing else', () => {
    const ids = [
      '/app/src/main.tsx',
      `${NM}/react/cjs/react.production.js`,
      `${NM}/react/index.js`,
      `${NM}/echarts/lib/chart/bar.js`,
      `${NM}/echarts/lib/core/echarts.js?commonjs-es-import`,
      `${NM}/@tanstack/query-core/build/modern/index.js`,
      `${NM}/echarts-for-react/node_modules/fast-deep-equal/index.js`,
      '\0rolldown/runtime.js',
      '\0vite/preload-helper.js',
    ]
    const names = collectLicenses(ids, reader).map((p) => `${p.name}@${p.version}`)
    expect(names).toEqual([
      '@tanstack/query-core@5.0.0',
      'echarts@6.0.0',
      'fast-deep-equal@3.1.3',
      'react@19.0.0',
    ])
  })

  it('finds the package folder of a module id: scoped, nested, Windows, plugin ids', () => {
    expect(packageDirOf(`${NM}/zrender/lib/zrender.js`)).toBe(`${NM}/zrender`)
    expect(packageDirOf(`${NM}/@tanstack/react-query/build/index.js`)).toBe(
      `${NM}/@tanstack/react-query`,
    )
    expect(packageDirOf(`${NM}/a/node_modules/b/index.js`)).toBe(`${NM}/a/node_modules/b`)
    expect(packageDirOf('C:\\app\\node_modules\\zod\\index.js')).toBe('C:/app/node_modules/zod')
    expect(packageDirOf(`\0${NM}/react/index.js?commonjs-proxy`)).toBe(`${NM}/react`)
    expect(packageDirOf('/app/src/lib/csv.ts')).toBeNull()
    expect(packageDirOf(`${NM}/@scope`)).toBeNull()
  })

  it('skips a folder without a package.json instead of failing the build', () => {
    expect(collectLicenses([`${NM}/ghost/index.js`], reader)).toEqual([])
  })
})

describe('licenses.txt: what it says', () => {
  it('gives name, version, licence and the LICENSE and NOTICE texts of every package', () => {
    const text = formatLicenses(
      collectLicenses([`${NM}/echarts/index.js`, `${NM}/react/index.js`], reader),
    )
    expect(text).toMatch(/code from the 2 npm packages/)
    expect(text).toContain('echarts 6.0.0\nLicense: Apache-2.0')
    expect(text).toContain(
      '--- NOTICE ---\nApache ECharts\nCopyright 2017-2025 The Apache Software Foundation',
    )
    expect(text).toContain('react 19.0.0\nLicense: MIT\n\n--- LICENSE ---\nMIT License (Meta)')
    expect(text.indexOf('echarts 6.0.0')).toBeLessThan(text.indexOf('react 19.0.0'))
  })

  it('says so when a package ships no licence file', () => {
    const text = formatLicenses(
      collectLicenses([`${NM}/echarts-for-react/node_modules/fast-deep-equal/x.js`], reader),
    )
    expect(text).toContain(
      'fast-deep-equal 3.1.3\nLicense: MIT\n\n(the package ships no licence file)',
    )
  })

  it('reads a real package from disk: ECharts with its Apache NOTICE and the d3 licence it embeds', () => {
    const pkg = readPackageFromDisk('node_modules/echarts')!
    expect(pkg.name).toBe('echarts')
    expect(pkg.license).toBe('Apache-2.0')
    expect(pkg.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['LICENSE', 'NOTICE', 'licenses/LICENSE-d3']),
    )
    expect(pkg.files.find((f) => f.name === 'NOTICE')!.text).toMatch(/Apache ECharts/)
  })
})
