// Names the commands' help lists, kept here so that declaring the commands (src/cli.ts, cli/declare-*.ts) loads no
// formatter, rule engine or parser: each command's module is imported only when it runs. tests/cli/lazy-commands.test.ts
// checks every list against the module that implements it.

/** `score --format`: the keys of formatters/index.ts `formatters`. */
export const SCORE_FORMATS = ['text', 'json', 'html', 'summary-html', 'pdf', 'summary-pdf', 'xlsx', 'md', 'csv'] as const;

/** `compare --format`: the keys of formatters/compare/compare-formatters.ts `compareFormatters`. */
export const COMPARE_FORMATS = ['text', 'json', 'csv', 'html', 'xlsx', 'docx'] as const;

/** `report check|facts --level`: annual-report/checks/run-checks.ts `LEVELS`. */
export const REPORT_LEVELS = ['县级部门', '市级部门', '省级部门', '乡镇', '县级政府', '市级政府', '省级政府', '垂直管理'] as const;

/** `report check --format`: annual-report/format-check.ts `CHECK_FORMATS`. */
export const REPORT_CHECK_FORMATS = ['text', 'json', 'html'] as const;

/** `report show --format`: annual-report/format-show.ts `SHOW_FORMATS`. */
export const REPORT_SHOW_FORMATS = ['json', 'md'] as const;

export const ENGINE_OPTION_HELP = '规则执行方式:compiled(默认,预编译规则)或 reference(json-rules-engine 原样执行,用于核对)';
