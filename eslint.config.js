import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'artifacts', 'public/mockServiceWorker.js', 'bench/results*'] },
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
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'echarts', message: '从 echarts/core 按需注册模块(src/lib/echarts/core.ts)' },
            { name: 'echarts-for-react', message: '使用 src/lib/echarts/echart.tsx 的唯一封装' },
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
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '../app/*', '../../app/*'],
              message: '依赖单向:app → features → 共享模块',
            },
            { group: ['../../mocks/*', '../mocks/*'], message: '产品代码不得引用 mocks' },
          ],
          paths: [
            { name: 'echarts', message: '从 echarts/core 按需注册模块(src/lib/echarts/core.ts)' },
            { name: 'echarts-for-react', message: '使用 src/lib/echarts/echart.tsx 的唯一封装' },
          ],
        },
      ],
    },
  },
  {
    // Tests may parse escaped output as HTML to prove it stays text.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
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
