// Times the generation of the whole shipped plan's bulletin (issue 5: under 2 s): gathering the cycle's
// data from live tables, building the content, drawing the charts and writing the .docx, .pdf and .xlsx.
// Run: npx tsx bench/bulletin-bench.ts   (a throw-away SQLite database with the shipped plan and demo data)
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildBulletinContent } from '../src/domain';
import { renderCharts, warmUpBulletinWriters, writeBulletinDocx, writeBulletinPdf, writeBulletinXlsx } from '../src/documents/bulletin';
import { gatherBulletinSnapshot } from '../src/services/bulletin';
import { bulletinSampleDb } from '../scripts/bulletin-sample-db';

const RUNS = 5;
// As the server does after it starts listening (bulletin.routes.ts); WARM_UP=0 times a cold process instead.
const WARM_UP = process.env.WARM_UP !== '0';
const s = await bulletinSampleDb('2026-11-28T02:00:00Z');
// CPU time of this process: on a shared, loaded host it shows the work apart from the wait for a core.
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const meta = { number: '〔2026〕3号', title: `关于${s.cycle.label}成渝地区双城经济圈建设重点任务推进情况的通报`, issuingBody: '四川省推动成渝地区双城经济圈建设工作领导小组办公室', issuedOn: '2026-11-28' };

try {
  if (WARM_UP) {
    const w = performance.now();
    await warmUpBulletinWriters();
    console.log(`warm-up (not counted): ${(performance.now() - w).toFixed(0)} ms`);
  }
  const rows: Record<string, number[]> = { gather: [], content: [], charts: [], docx: [], pdf: [], xlsx: [], total: [], 'cpu total': [] };
  let sizes = { docx: 0, pdf: 0, xlsx: 0, lagging: 0, tasks: 0 };
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const snapshot = await gatherBulletinSnapshot(s.ctx, s.planId, s.cycle.id);
    const t1 = performance.now();
    const content = buildBulletinContent(snapshot, meta, {});
    const t2 = performance.now();
    const charts = await renderCharts(content);
    const t3 = performance.now();
    const docx = await writeBulletinDocx(content, charts);
    const t4 = performance.now();
    const pdf = await writeBulletinPdf(content, charts);
    const t5 = performance.now();
    const xlsx = await writeBulletinXlsx(content);
    const t6 = performance.now();
    for (const [k, v] of Object.entries({ gather: t1 - t0, content: t2 - t1, charts: t3 - t2, docx: t4 - t3, pdf: t5 - t4, xlsx: t6 - t5, total: t6 - t0, 'cpu total': cpuMs(process.cpuUsage(cpu0)) })) rows[k]!.push(v);
    sizes = { docx: docx.length, pdf: pdf.length, xlsx: xlsx.length, lagging: snapshot.laggingTotal, tasks: snapshot.overall.tasks };
  }
  console.log(`bulletin for ${s.cycle.label}: ${sizes.tasks} tasks, ${sizes.lagging} lagging; docx ${sizes.docx} B, pdf ${sizes.pdf} B, xlsx ${sizes.xlsx} B`);
  // The first run computes the plan's status; later runs find it cached for 10 s, as the app does.
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log('step        first run   median of the rest (ms)');
  for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(11)} ${v[0]!.toFixed(0).padStart(9)}   ${median(v.slice(1)).toFixed(0).padStart(9)}`);
  const worst = Math.max(...rows.total!);
  console.log(worst < 2000 ? `OK: every run under 2 s (worst ${worst.toFixed(0)} ms)` : `SLOW: worst run ${worst.toFixed(0)} ms (target < 2000 ms)`);
} finally {
  await s.close();
}
