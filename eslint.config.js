import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The feature folders under src/features (each a zone of its own). */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'artifacts',
      'public/mockServiceWorker.js',
      'bench/results*',
      'scripts/*.tmp.mjs',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Data never reaches raw HTML: React escapes text; ECharts tooltips go through escapeHtml.
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: '数据是文本:不要用 dangerouslySetInnerHTML',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: '数据是文本:不要写 innerHTML',
        },
        // The floor is Chromium 83 (信创 office PCs): no API newer than that in product code.
        {
          selector: "CallExpression[callee.property.name='at'][arguments.length=1]",
          message: 'Array/String.prototype.at 需要 Chromium 92:用 [i] 或 [length - 1]',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(replaceAll|replaceChildren|findLast|findLastIndex|toSorted|toReversed|toSpliced|checkVisibility)$/]',
          message: '此方法比 Chromium 83 新(浏览器下限),请改用旧写法',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'AbortSignal', property: 'any', message: 'AbortSignal.any 需要 Chromium 116' },
        {
          object: 'AbortSignal',
          property: 'timeout',
          message: 'AbortSignal.timeout 需要 Chromium 103',
        },
        { object: 'Object', property: 'hasOwn', message: 'Object.hasOwn 需要 Chromium 93' },
        { object: 'Object', property: 'groupBy', message: 'Object.groupBy 需要 Chromium 117' },
        { object: 'Promise', property: 'any', message: 'Promise.any 需要 Chromium 85' },
        { object: 'crypto', property: 'randomUUID', message: 'crypto.randomUUID 需要 Chromium 92' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'structuredClone', message: 'structuredClone 需要 Chromium 98' },
        { name: 'WeakRef', message: 'WeakRef 需要 Chromium 84' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'echarts', message: '从 echarts/core 按需注册模块(src/lib/echarts/core.ts)' },
            { name: 'echarts-for-react', message: '只用其 core 入口,且只在 src/lib/echarts 中' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/features/**/*.{ts,tsx}',
      'src/components/**/*.{ts,tsx}',
      'src/lib/**/*.{ts,tsx}',
      'src/domain/**/*.{ts,tsx}',
      'src/api/**/*.{ts,tsx}',
      'src/stores/**/*.{ts,tsx}',
      'src/config/**/*.{ts,tsx}',
    ],
    // Tests may mount the whole app and use the msw handlers.
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app', '@/app/*', '**/app/*'],
              message: '依赖单向:app → features → 共享模块',
            },
            { group: ['**/mocks', '**/mocks/*'], message: '产品代码不得引用 mocks' },
            {
              group: ['echarts/*', 'echarts-for-react/*'],
              message: '图表只经 src/lib/echarts 的唯一封装(EChart)与 core.ts 的模块注册',
            },
          ],
          paths: [
            { name: 'echarts', message: '从 echarts/core 按需注册模块(src/lib/echarts/core.ts)' },
            { name: 'echarts-for-react', message: '只用其 core 入口,且只在 src/lib/echarts 中' },
          ],
        },
      ],
    },
  },
  {
    // The zones: imports run one way, app → features → shared (lib, components, stores, config,
    // domain, api). Shared code never imports a feature or the app; features never import each
    // other; no import cycles anywhere. (Tests may mount the whole app.)
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: './tsconfig.json' }),
        createNodeResolver(),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...['lib', 'components', 'stores', 'config', 'domain', 'api'].map((shared) => ({
              target: `./src/${shared}`,
              from: ['./src/features', './src/app'],
              message: '共享模块不得引用功能模块或 app(依赖单向:app → features → 共享模块)',
            })),
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: '功能模块之间互不引用:共用的部分放进共享模块',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: '依赖单向:app → features → 共享模块',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place that touches ECharts and echarts-for-react (their core entries only). 对比分析
    // registers its extra modules from its own chunk (src/features/compare/register.ts).
    files: [
      'src/lib/echarts/**/*.{ts,tsx}',
      'src/lib/export/**/*.{ts,tsx}',
      'src/features/compare/register.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'echarts', message: '从 echarts/core 按需注册模块(src/lib/echarts/core.ts)' },
            { name: 'echarts-for-react', message: '只用其 core 入口:echarts-for-react/esm/core' },
          ],
        },
      ],
    },
  },
  {
    // Tests may parse escaped output as HTML to prove it stays text.
    files: ['**/*.test.{ts,tsx}', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
  },
)
