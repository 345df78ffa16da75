/**
 * The 公文 fonts of the briefing files (.docx and .pptx), each with the fonts that stand in for it
 * where it is missing. 方正小标宋 and 仿宋_GB2312 are on most government PCs but not on a bare
 * Windows, UOS or Kylin; 宋体 / 黑体 / 仿宋 / 楷体 ship with Windows and WPS, Noto CJK with Debian-based
 * systems. Word and WPS read a font's `altName` in the .docx font table when the font itself is
 * missing; a slide names the first font that every system has (PowerPoint has no fallback list).
 */

export interface GongwenFont {
  /** The 公文 font, as Word and WPS name it. */
  name: string
  /** In order: what stands in where `name` is missing. */
  fallbacks: string[]
  /** The font family class of the .docx font table. */
  family: 'roman' | 'modern' | 'script'
}

export const GONGWEN_FONTS = {
  /** 标题: 方正小标宋简体 二号. */
  title: {
    name: '方正小标宋简体',
    // 宋体 first: every Windows and WPS has it; the 方正 and 华文 cuts only where installed.
    fallbacks: ['宋体', 'SimSun', '方正小标宋_GBK', '华文中宋', 'Noto Serif CJK SC'],
    family: 'roman',
  },
  /** 一级标题: 黑体 三号. */
  heading: {
    name: '黑体',
    fallbacks: ['SimHei', '方正黑体_GBK', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei'],
    family: 'modern',
  },
  /** 二级标题 and captions: 楷体_GB2312 三号. */
  kai: {
    name: '楷体_GB2312',
    fallbacks: ['楷体', 'KaiTi', '方正楷体_GBK', 'AR PL UKai CN', 'Noto Serif CJK SC'],
    family: 'script',
  },
  /** 正文: 仿宋_GB2312 三号. */
  body: {
    name: '仿宋_GB2312',
    fallbacks: ['仿宋', 'FangSong', '方正仿宋_GBK', 'Noto Serif CJK SC'],
    family: 'roman',
  },
} satisfies Record<string, GongwenFont>

/** Latin letters and digits of the text. */
export const LATIN_FONT = 'Times New Roman'

/** On slides: fonts every Windows, WPS, UOS and Kylin desktop has (黑体 for titles, 仿宋 for text). */
export const SLIDE_FONTS = { title: '黑体', text: '仿宋' } as const

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * word/fontTable.xml naming each 公文 font with its first stand-in as `altName`, the GB2312
 * character set (86) and its family, so Word and WPS substitute a similar font, not a Latin one.
 */
export function fontTableXml(fonts: GongwenFont[] = Object.values(GONGWEN_FONTS)): string {
  const entries = [
    ...fonts.map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.fallbacks[0] ?? f.name)}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    ),
    `<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  ]
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  )
}
