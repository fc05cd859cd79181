// Writes docs/samples/bulletin-sample.{docx,pdf,xlsx}: the shipped plan's bulletin for the latest demo
// cycle, generated and published through the same services as the app.
// Run: npx tsx scripts/generate-bulletin-samples.ts
import { writeFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../src/services/context';
import { generateBulletin, publishBulletin } from '../src/services/bulletin';
import { bulletinSampleDb } from './bulletin-sample-db';

// A fixed date: the demo's cycles and reports are laid out around it.
const NOW = '2026-11-28T02:00:00Z';

const s = await bulletinSampleDb(NOW);
try {
  const draft = await generateBulletin(s.ctx, SYSTEM_ACTOR, s.planId, { cycleId: s.cycle.id, number: '川渝办〔2026〕3号', sections: { closing: '特此通报。' } });
  await publishBulletin(s.ctx, SYSTEM_ACTOR, draft.id, draft.version);
  const files = await s.ctx.db.selectFrom('bulletin_file').select(['format', 'content', 'size']).where('bulletin_id', '=', draft.id).execute();
  for (const f of files) {
    const path = new URL(`../docs/samples/bulletin-sample.${f.format}`, import.meta.url);
    writeFileSync(path, f.content);
    console.log(`docs/samples/bulletin-sample.${f.format}: ${f.size} bytes`);
  }
} finally {
  await s.close();
}
