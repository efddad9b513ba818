// A match as people read it: the score bar with its five contributions, and the full explanation.

import { h, num, uid } from './dom.js';
import { t, label, lang } from './i18n.js';

export const COMPONENTS = ['skills', 'language', 'distance', 'level', 'preference'];

/** The score as a bar of five coloured parts, one per contribution, with a text equivalent. */
export function scoreBar(score, contributions) {
  const parts = COMPONENTS.map((c) => `${t(`component.${c}`)} ${num(contributions[c] ?? 0, 2, lang())}`);
  const bar = h('div', {
    class: 'scorebar', role: 'img',
    'aria-label': `${t('match.score')} ${num(score, 2, lang())}: ${parts.join(', ')}`,
  });
  for (const c of COMPONENTS) {
    const part = h('span', { class: `scorebar-part c-${c}` });
    part.style.width = `${Math.max(0, (contributions[c] ?? 0) * 100)}%`;
    bar.append(part);
  }
  return bar;
}

/** The legend of the bar's colours, once per list. */
export function legend() {
  return h('ul', { class: 'legend', 'aria-hidden': 'true' },
    COMPONENTS.map((c) => h('li', {}, h('span', { class: `swatch c-${c}` }), t(`component.${c}`))));
}

/** The five contributions as small numbers (shown beside the bar). */
export function contributionList(contributions) {
  return h('dl', { class: 'contributions' }, COMPONENTS.map((c) => [
    h('dt', {}, h('span', { class: `swatch c-${c}`, 'aria-hidden': 'true' }), t(`component.${c}`)),
    h('dd', {}, num(contributions[c] ?? 0, 3, lang())),
  ]));
}

/** "4 of 6 skills (2 fully)", from an explanation: covered at all, and by the skill itself or a narrower one. */
export function skillsCovered(explanation) {
  const skills = explanation?.skills ?? [];
  const full = skills.filter((s) => s.coveredBy && (s.relation === 'EXACT' || s.relation === 'NARROWER')).length;
  return t('match.skillsCovered', { covered: skills.filter((s) => s.coveredBy).length, total: skills.length, full });
}

/** How a required skill is covered, in words. */
export function coverage(s) {
  if (!s.coveredBy) return t('explain.missing');
  const other = s.coveredByLabel || s.coveredBy;
  let text;
  switch (s.relation) {
    case 'EXACT': text = t('explain.exact'); break;
    case 'NARROWER': text = t('explain.narrower', { label: other }); break;
    case 'BROADER': text = t('explain.broader', { label: other }); break;
    case 'SIBLING': text = t('explain.sibling', { label: other }); break;
    case 'RELATED': text = t('explain.related', { label: other }); break;
    default: text = other;
  }
  if (s.fromOccupation) {
    text += `, ${t('explain.fromExperience', { label: s.fromOccupationLabel || s.fromOccupation })}`;
  }
  return text;
}

function section(title, ...body) {
  const id = uid('sec');
  return h('section', { class: 'explain-section', 'aria-labelledby': id },
    h('h4', { id }, title), ...body);
}

function skillsTable(skills) {
  return h('table', { class: 'data explain-skills' },
    h('caption', { class: 'sr-only' }, t('explain.skills')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('explain.required')),
      h('th', { scope: 'col' }, t('explain.importance')),
      h('th', { scope: 'col' }, t('explain.how')),
      h('th', { scope: 'col', class: 'num' }, t('explain.credit')))),
    h('tbody', {}, skills.map((s) => h('tr', { class: s.coveredBy ? 'covered' : 'missing' },
      h('th', { scope: 'row' }, s.requiredLabel || s.requiredId),
      h('td', {}, h('span', { class: `tag imp-${(s.importance || '').toLowerCase()}` }, label('importance', s.importance))),
      h('td', {}, mark(s), coverage(s)),
      h('td', { class: 'num' }, num(s.credit ?? 0, 2, lang()))))));
}

/** ✓ for the skill itself or a more specific one, ≈ for a broader, similar or related one, ✗ for missing. */
function mark(s) {
  if (!s.coveredBy) return h('span', { class: 'mark-missing', 'aria-hidden': 'true' }, '✗ ');
  const full = s.relation === 'EXACT' || s.relation === 'NARROWER';
  return h('span', { class: full ? 'mark-ok' : 'mark-partial', title: full ? null : t('explain.partial') }, full ? '✓ ' : '≈ ');
}

function steps(n) {
  return n === 1 ? t('explain.steps1') : t('explain.steps', { n });
}

function level(value) {
  return value && value !== 'NONE' ? value : '–';
}

function languageTable(language) {
  const rows = language.skills.map((f) => {
    const gap = f.gap > 0 ? String(f.gap) : t('explain.gapNone');
    return h('tr', { class: f.gap > 0 ? 'gap' : '' },
      h('th', { scope: 'row' }, label('skill', String(f.skill).toLowerCase())),
      h('td', {}, level(f.required)),
      h('td', {}, level(f.effectiveRequired)),
      h('td', {}, level(f.candidate)),
      h('td', { class: 'num' }, gap));
  });
  const notes = [];
  if (language.languageSupport) notes.push(h('li', {}, t('explain.bridgeSupport')));
  if (language.englishAccepted && language.englishAccepted !== 'NONE') {
    notes.push(h('li', {}, language.englishBridged
      ? t('explain.bridgeEnglish', { level: language.candidateEnglish })
      : t('explain.englishAccepted', { level: language.englishAccepted, has: level(language.candidateEnglish) })));
  }
  return [
    h('table', { class: 'data explain-dutch' },
      h('caption', { class: 'sr-only' }, t('explain.dutch')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('explain.languageSkill')),
        h('th', { scope: 'col' }, t('explain.asked')),
        h('th', { scope: 'col' }, t('explain.afterSupport')),
        h('th', { scope: 'col' }, t('explain.has')),
        h('th', { scope: 'col', class: 'num' }, t('explain.gap')))),
      h('tbody', {}, rows)),
    notes.length ? h('ul', { class: 'notes' }, notes) : null,
  ];
}

function place(d) {
  if (d.remote) return h('p', {}, t('explain.remote'));
  return h('dl', { class: 'facts compact' },
    h('dt', {}, t('explain.place')), h('dd', {}, t('explain.km', { km: num(d.km, 1, lang()) })),
    h('dt', {}, t('explain.from')), h('dd', {}, `${d.candidateMunicipality} (${d.candidateRegion})`),
    h('dt', {}, t('explain.to')), h('dd', {}, `${d.vacancyMunicipality} (${d.vacancyRegion})`));
}

function levelFit(l) {
  // An unrecognised diploma counts one level lower; the fit is stated for the counted level, as the engine scores it.
  const has = label('education', l.counted || l.candidate);
  let text;
  switch (l.qualification) {
    case 'MATCH': text = t('explain.levelMatch', { has, job: label('education', l.job) }); break;
    case 'OVER': text = t('explain.levelOver', { has, job: label('education', l.job), n: steps(l.steps) }); break;
    case 'UNDER': text = t('explain.levelUnder', { has, job: label('education', l.job), n: steps(-l.steps) }); break;
    default: text = t('explain.levelNone');
  }
  if (!l.recognized && l.candidate && l.candidate !== 'NONE') {
    text += l.counted && l.counted !== l.candidate
      ? `, ${t('explain.notRecognizedCounted', { level: label('education', l.candidate), counted: label('education', l.counted) })}`
      : `, ${t('explain.notRecognized')}`;
  }
  return h('p', { class: `level level-${(l.qualification || '').toLowerCase()}` }, text);
}

function preference(p) {
  const text = p.wanted ? t('explain.wanted') : p.sameGroup ? t('explain.sameGroup') : t('explain.notWanted');
  return h('p', {}, text, p.vacancyOccupationLabel ? ` (${p.vacancyOccupationLabel})` : '');
}

/** The whole explanation of one match. */
export function explanation(e) {
  const components = h('table', { class: 'data explain-components' },
    h('caption', { class: 'sr-only' }, t('explain.contributions')),
    h('tbody', {}, e.components.map((c) => {
      const name = String(c.component).toLowerCase();
      return h('tr', {},
        h('th', { scope: 'row' }, h('span', { class: `swatch c-${name}`, 'aria-hidden': 'true' }), t(`component.${name}`)),
        h('td', { class: 'num' }, num(c.value, 2, lang())),
        h('td', { class: 'num muted' }, `× ${num(c.weight, 2, lang())} ${t('explain.weight')}`),
        h('td', { class: 'num strong' }, `= ${num(c.contribution, 3, lang())}`));
    })));
  return h('div', { class: 'explanation' },
    section(`${t('explain.skills')} – ${skillsCovered(e)}`, skillsTable(e.skills)),
    h('div', { class: 'explain-grid' },
      section(t('explain.dutch'), languageTable(e.language)),
      h('div', {},
        section(t('explain.place'), place(e.distance)),
        section(t('explain.level'), levelFit(e.level)),
        section(t('explain.preference'), preference(e.preference))),
      section(t('explain.contributions'), components)));
}
