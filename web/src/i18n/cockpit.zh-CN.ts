// Cockpit (驾驶舱) messages; spread into zh-CN.ts so MessageKey covers them.
export const cockpitZhCN = {
  'menu.cockpit': '驾驶舱',

  'cockpit.title': '推进驾驶舱',
  'cockpit.asOf': '数据截至 {{date}}',
  'cockpit.bigScreen': '大屏',
  'cockpit.exitBigScreen': '退出大屏',
  'cockpit.overall': '总体进度',
  'cockpit.tasksTotal': '任务 {{count}} 项',
  'cockpit.noPlan': '尚无规划',

  'cockpit.status.red': '滞后',
  'cockpit.status.yellow': '预警',
  'cockpit.status.green': '正常推进',
  'cockpit.status.not_started': '未开始',
  'cockpit.status.completed': '已完成',
  'cockpit.status.cancelled': '已取消',

  'cockpit.chart.status': '任务状态分布',
  'cockpit.chart.parts': '各部分进度',
  'cockpit.chart.articles': '各条进度',
  'cockpit.chart.keyAreas': '重点领域进度',
  'cockpit.chart.map': '任务分布（按市州、区县）',
  'cockpit.chart.progress': '进度',
  'cockpit.chart.tasks': '任务',
  'cockpit.chart.noTasks': '暂无任务',
  'cockpit.chart.clickHint': '点击图形查看任务',

  'cockpit.map.schematic': '示意图，非测绘地图',
  'cockpit.map.loadFailed': '地图加载失败',
  'cockpit.map.unplaced': '另有 {{count}} 个地区编码不在地图上：{{codes}}',

  'cockpit.lagging.title': '滞后清单',
  'cockpit.lagging.empty': '没有滞后或预警的任务',
  'cockpit.col.code': '编号',
  'cockpit.col.title': '任务',
  'cockpit.col.status': '状态',
  'cockpit.col.leads': '牵头单位',
  'cockpit.col.reasons': '原因',
  'cockpit.col.progress': '进度',

  'cockpit.units.title': '单位推进情况',
  'cockpit.units.unit': '单位',
  'cockpit.units.leadTasks': '牵头任务',
  'cockpit.units.red': '滞后',
  'cockpit.units.yellow': '预警',
  'cockpit.units.reportsDue': '应报',
  'cockpit.units.reportsOnTime': '按时',
  'cockpit.units.reportsLate': '逾期报送',
  'cockpit.units.reportsMissing': '未报',
  'cockpit.units.onTimeRate': '按时报送率',

  'cockpit.drawer.status': '{{status}}的任务',
  'cockpit.drawer.division': '{{name}}的任务',
  'cockpit.drawer.openMyTasks': '在“我的任务”中查看',
  'cockpit.drawer.empty': '没有任务',

  // Key areas: the Decision's wording (plan facts); a key not listed here falls back to the payload's title.
  'cockpit.keyArea.transport': '加强交通基础设施建设',
  'cockpit.keyArea.industry': '加快现代产业体系建设',
  'cockpit.keyArea.innovation': '增强协同创新发展能力',
  'cockpit.keyArea.ecology': '加强生态环境保护',
  'cockpit.keyArea.reform': '推进体制创新',
  'cockpit.keyArea.opening': '提升对外开放水平',
  'cockpit.keyArea.public-services': '强化公共服务共建共享',
} as const;

export type CockpitMessageKey = keyof typeof cockpitZhCN;
