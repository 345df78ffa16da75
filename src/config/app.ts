/**
 * The dashboard's name: the page heading, the tab title, the big screen's header, the briefing
 * deck's title slide and the data API's OpenAPI title all use this one constant.
 */
export const APP_TITLE = '通州湾示范区法治政府建设指标看板'
