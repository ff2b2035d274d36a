// A translator's tool, for the XLIFF tests: reads an export with the npm `xliff` package (a
// third-party XLIFF 2 reader and writer), fills in the units of page signs-to-notice that have no
// target from the translation before (in its notes) as a translator would, and writes the file
// back with the same package. Usage: node xliff_translator.js IN.xlf OUT.xlf [drop-link|add-phone]
// (the last two make a translation the import must refuse). Prints the untranslated units.
const fs = require('fs');
const { xliff2js, js2xliff } = require('xliff');
(async () => {
  const doc = await xliff2js(fs.readFileSync(process.argv[2], 'utf8'));
  if (doc.sourceLanguage !== 'en' || doc.targetLanguage !== 'pl') throw new Error('languages ' + doc.sourceLanguage + ' ' + doc.targetLanguage);
  const page = doc.resources['page.signs-to-notice'];
  const open = Object.keys(page).filter(k => page[k].target === undefined);
  console.log('untranslated: ' + open.join(' '));
  const notes = [].concat(page.b1.note || []);
  if (open.includes('b1') && !notes.some(n => n.includes('can have other causes'))) throw new Error('no English before: ' + notes);
  if (open.includes('b1') && !notes.some(n => n.includes('może mieć inne przyczyny'))) throw new Error('no translation before: ' + notes);
  for (const k of open) {
    const before = [].concat(page[k].note || []).find(n => /[ąęłńóśźż]/i.test(n)) || '';
    page[k].target = k === 'b1' ? before.replace('może mieć inne przyczyny', 'może mieć także inne przyczyny')
                   : page[k].source === 'Changes in eating or sleeping' ? 'Zmiany w jedzeniu lub spaniu' : before;
  }
  if (process.argv[4] === 'drop-link') {
    const k = Object.keys(page).find(k => (page[k].target || '').includes('](page:'));
    page[k].target = page[k].target.replace(/\]\(page:[^)]*\)/, '](help)');
    console.log(k);
  }
  if (process.argv[4] === 'add-phone') page.b1.target += ' Zadzwoń pod 0800 123 4567.';
  fs.writeFileSync(process.argv[3], await js2xliff(doc));
})().catch(e => { console.error(e.message); process.exit(1); });
