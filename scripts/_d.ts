import { openRuntime } from '../src/cli/runtime.js';
const { answerer } = await openRuntime();
for (const q of process.argv.slice(2)) { const r = await answerer.ask(q); const t = r.trace; console.log(q, t.analysis.type, t.analysis.unit, JSON.stringify(t.analysis.concepts.map(c=>[c.label,+c.weight.toFixed(2),c.alts.slice(0,4).join('/')]))); for (const s of t.sentences.slice(0,4)) console.log('  ', s.coverage.toFixed(2), s.rank, s.text.slice(0,70)); console.log('  =>', r.answer); }
