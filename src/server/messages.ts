import type { ErrorCode } from '../domain';

export type Lang = 'zh' | 'en';

/** Picks the response language from Accept-Language: Chinese unless the client prefers English. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; please check the marked fields' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  CSRF_TOKEN_INVALID: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: { zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' },
  ACCOUNT_INACTIVE: { zh: '账号已停用，请联系管理员', en: 'This account is deactivated; contact the administrator' },
  PASSWORD_POLICY: { zh: '密码不符合要求：至少10位，须包含字母和数字，且不能包含用户名', en: 'The password must have at least 10 characters, letters and digits, and must not contain the user name' },
  PASSWORD_WRONG: { zh: '当前密码不正确', en: 'The current password is wrong' },
  VERSION_CONFLICT: { zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  PLAN_NOT_FOUND: { zh: '规划不存在', en: 'Plan not found' },
  NODE_NOT_FOUND: { zh: '节点不存在或已删除', en: 'This item does not exist or was deleted' },
  NODE_CYCLE: { zh: '不能移动到自身或其下级之下', en: 'An item cannot be moved under itself or its descendants' },
  NODE_KIND_INVALID: { zh: '该类型不能放在所选上级之下', en: 'This kind of item cannot be placed under the chosen parent' },
  NODE_LOCKED: { zh: '《决定》的部分和条不能删除或移动', en: "The Decision's parts and articles cannot be deleted or moved" },
  DATES_INVERTED: { zh: '完成时限不能早于开始日期', en: 'The due date cannot be before the start date' },
  ASSIGNMENT_ROLE_CLASH: { zh: '同一单位不能既是牵头单位又是配合单位', en: 'A unit cannot be both a lead and a participating unit' },
  CYCLE_NOT_FOUND: { zh: '填报周期不存在', en: 'Reporting cycle not found' },
  CYCLE_CLOSED: { zh: '该填报周期已关闭', en: 'This reporting cycle is closed' },
  CYCLE_OVERLAP: { zh: '已有同一期间的填报周期', en: 'A reporting cycle for this period already exists' },
  REPORT_NOT_FOUND: { zh: '进展报告不存在', en: 'Progress report not found' },
  REPORT_TRANSITION_INVALID: { zh: '报告当前状态下不能执行此操作', en: 'This action is not possible in the report’s current state' },
  REPORT_NOT_EDITABLE: { zh: '报告已提交，不能再修改；如需修改请先退回', en: 'The report has been submitted and cannot be edited unless it is returned' },
  REPORT_INCOMPLETE: { zh: '报告内容不完整，请填写进度和进展情况', en: 'The report is incomplete: fill in progress and narrative' },
  ATTACHMENT_TYPE_REJECTED: { zh: '只能上传图片（JPG、PNG）、PDF 或 Word/Excel 文档', en: 'Only images (JPG, PNG), PDF and Word/Excel documents can be uploaded' },
  ATTACHMENT_TOO_LARGE: { zh: '附件过大', en: 'The attachment is too large' },
  ATTACHMENT_NOT_FOUND: { zh: '附件不存在', en: 'Attachment not found' },
  IMPORT_NOT_XLSX: { zh: '只能导入 Excel 文件（.xlsx）', en: 'Only Excel files (.xlsx) can be imported' },
  IMPORT_NO_HEADER: { zh: '在前15行中没有找到表头（序号、重点任务、牵头单位……），请指定表头行和各列含义', en: 'No header row (序号, 重点任务, 牵头单位 …) in the first 15 rows: choose the header row and map the columns' },
  IMPORT_EMPTY: { zh: '表格中没有任务', en: 'The sheet has no tasks' },
  IMPORT_TOO_LARGE: { zh: '表格过大（超过20000行或5MB）', en: 'The sheet is too large (over 20,000 rows or 5 MB)' },
  IMPORT_SHEET_NOT_FOUND: { zh: '工作表不存在', en: 'That worksheet does not exist' },
  IMPORT_BLOCKED: { zh: '还有未解决的问题，未导入任何内容', en: 'Problems remain unresolved; nothing was imported' },
  SUPERVISION_NOT_FOUND: { zh: '督办事项不存在', en: 'Supervision item not found' },
  SUPERVISION_TRANSITION_INVALID: { zh: '督办事项当前状态下不能执行此操作', en: 'This action is not possible in the supervision item’s current state' },
  NOTIFICATION_NOT_FOUND: { zh: '通知不存在', en: 'Notification not found' },
  MEETING_NOT_FOUND: { zh: '会议不存在', en: 'Meeting not found' },
  AGREEMENT_NOT_FOUND: { zh: '合作协议不存在', en: 'Agreement not found' },
  NATIONAL_REQUEST_NOT_FOUND: { zh: '向上争取事项不存在', en: 'National request not found' },
  ASSESSMENT_PERIOD_NOT_FOUND: { zh: '考核期不存在', en: 'Assessment period not found' },
  ASSESSMENT_PUBLISHED: { zh: '考核结果已发布并冻结，不能再修改；如需更正请先说明理由重新开启', en: 'The results of this period are published and frozen; reopen the period with a reason to correct them' },
  ASSESSMENT_NOT_COMPUTED: { zh: '考核结果尚未计算，请先计算', en: 'The results have not been computed yet; compute them first' },
  ASSESSMENT_NOT_PUBLISHED: { zh: '考核结果尚未发布', en: 'The results of this period have not been published' },
  ASSESSMENT_SCHEME_INVALID: { zh: '考核细则不完整：至少一项，分值须大于0，加减分项最多一项', en: 'The scheme is incomplete: at least one item, points above 0, and at most one bonus/penalty item' },
  ASSESSMENT_UNIT_NOT_ASSESSED: { zh: '该单位不在本期考核范围内', en: 'This unit is not assessed in this period' },
  APPEAL_NOT_FOUND: { zh: '申诉不存在', en: 'Appeal not found' },
  APPEAL_DECIDED: { zh: '该申诉已作出决定', en: 'This appeal has already been decided' },
  INDICATOR_NOT_FOUND: { zh: '指标不存在', en: 'Indicator not found' },
  INDICATOR_EXISTS: { zh: '指标代码已存在', en: 'An indicator with this code already exists' },
  IMPORT_ENCODING_UNKNOWN: { zh: '无法识别文件编码：请将CSV另存为UTF-8或GBK编码，或使用xlsx文件', en: 'The file encoding is not recognised: save the CSV as UTF-8 or GBK, or use an xlsx workbook' },
  PROJECT_NOT_FOUND: { zh: '项目不存在', en: 'Project not found' },
  PROJECT_EXISTS: { zh: '项目编号已存在', en: 'A project with this id already exists' },
  BULLETIN_NOT_FOUND: { zh: '通报不存在', en: 'Bulletin not found' },
  BULLETIN_PUBLISHED: { zh: '通报已印发，不能再修改；如需更正请另行起草新的通报', en: 'This bulletin has been published and can no longer be changed; draft a new bulletin to correct it' },
  UNIT_NOT_FOUND: { zh: '单位不存在', en: 'Unit not found' },
  UNIT_EXISTS: { zh: '已有同名单位', en: 'A unit with this name already exists' },
  USER_NOT_FOUND: { zh: '用户不存在', en: 'User not found' },
  USER_EXISTS: { zh: '用户名已被使用', en: 'This user name is taken' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大', en: 'The request is too large' },
  NOT_FOUND: { zh: '请求的地址不存在', en: 'Not found' },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal error; please try again later' },
};

type Params = Record<string, unknown>;

/** One field problem in the user's language, from a zod issue code and its parameters. */
export function issueMessage(code: string, p: Params, lang: Lang): string {
  const zh = lang === 'zh';
  const n = p.minimum ?? p.maximum;
  switch (code) {
    case 'invalid_type':
      if (p.input === undefined) return zh ? '必填' : 'Required';
      return zh ? `类型不正确，应为${String(p.expected)}` : `Expected ${String(p.expected)}`;
    case 'too_small':
      if (p.origin === 'string') return Number(n) <= 1 ? (zh ? '必填' : 'Required') : zh ? `至少${String(n)}个字符` : `At least ${String(n)} characters`;
      if (p.origin === 'array') return zh ? `至少选择${String(n)}项` : `Choose at least ${String(n)}`;
      return zh ? `不能小于${String(n)}` : `Must be at least ${String(n)}`;
    case 'too_big':
      if (p.origin === 'string') return zh ? `不能超过${String(n)}个字符` : `At most ${String(n)} characters`;
      if (p.origin === 'array') return zh ? `最多${String(n)}项` : `At most ${String(n)} items`;
      return zh ? `不能大于${String(n)}` : `Must be at most ${String(n)}`;
    case 'invalid_format':
      if (p.format === 'date') return zh ? '日期格式应为 YYYY-MM-DD' : 'Use a date like 2026-12-31';
      return zh ? '格式不正确' : 'Invalid format';
    case 'invalid_value':
      return zh ? `取值无效，可选：${(p.values as unknown[] | undefined)?.join('、') ?? ''}` : `Invalid value; allowed: ${(p.values as unknown[] | undefined)?.join(', ') ?? ''}`;
    case 'unrecognized_keys':
      return zh ? '不允许的字段' : 'Unknown field';
    default:
      return zh ? '内容无效' : 'Invalid value';
  }
}
