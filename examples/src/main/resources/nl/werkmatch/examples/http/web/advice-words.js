// A suggestion as a sentence in the page's language. The API writes its summaries in English (with skill labels
// in the asked language); the Dutch page says the same change in Dutch, worked out from what the suggestion's
// JSON Patch does to the record. A change the page cannot read (a kind it does not know, a patch it does not
// expect) is shown with the API's own summary, so nothing is ever left out or made up.

import { t, label } from './i18n.js';
import './i18n-advice.js';

const SKILLS = ['listening', 'reading', 'speaking', 'writing'];

/** The sentence for one suggestion: the API's summary in English, the page's own in Dutch. */
export function sentence(s, side, record, skillLabels, language) {
  if (language === 'en') return s.summary;
  try {
    return dutch(s, side, record, applyPatch(record, s.patch), skillLabels) ?? s.summary;
  } catch {
    return s.summary;
  }
}

/** The skill ids a Dutch sentence for this suggestion names (asked for by their labels before drawing). */
export function skillIdsIn(s, side, record) {
  try {
    const after = applyPatch(record, s.patch);
    if (s.kind === 'learn-skill') return addedSkills(record, after);
    if (s.kind === 'essential-to-important') return [madeImportant(record, after)].filter(Boolean);
  } catch {
    // the sentence falls back to the summary
  }
  return [];
}

function dutch(s, side, before, after, skillLabels) {
  const skillName = (id) => skillLabels[id] || id;
  if (side === 'vacancy') {
    switch (s.kind) {
      case 'lower-dutch': {
        const skill = changedSkill(before.dutch, after.dutch);
        if (!skill) return null;
        const from = level(before.dutch, skill);
        const to = level(after.dutch, skill);
        return t(to === 'NONE' ? 'advice.s.lowerDutchNone' : 'advice.s.lowerDutch', { to, from, skill: skillWord(skill) });
      }
      case 'language-support': return after.languageSupport ? t('advice.s.languageSupport') : null;
      case 'accept-english': return after.englishAccepted ? t('advice.s.acceptEnglish', { level: after.englishAccepted }) : null;
      case 'essential-to-important': {
        const id = madeImportant(before, after);
        return id ? t('advice.s.essentialToImportant', { skill: skillName(id) }) : null;
      }
      case 'lower-education': {
        const from = before.educationLevel;
        const to = after.educationLevel || 'NONE';
        if (!from) return null;
        return to === 'NONE' ? t('advice.s.lowerEducationNone', { from: label('education', from) })
          : t('advice.s.lowerEducation', { to: label('education', to), from: label('education', from) });
      }
      case 'sponsor-permit': return after.permitSponsored ? t('advice.s.sponsorPermit') : null;
      case 'hours': return hours('advice.s.offerHours', before, after);
      default: return null;
    }
  }
  switch (s.kind) {
    case 'learn-skill': {
      const added = addedSkills(before, after);
      return added.length === 1 ? t('advice.s.learnSkill', { skill: skillName(added[0]) }) : null;
    }
    case 'dutch-level': {
      const skill = changedSkill(before.dutch, after.dutch);
      if (!skill) return null;
      return t('advice.s.dutchLevel', { to: level(after.dutch, skill), skill: skillWord(skill), from: levelWord(level(before.dutch, skill)) });
    }
    case 'dutch-all':
      return t('advice.s.dutchAll', { levels: SKILLS.map((k) => `${skillWord(k)} ${levelWord(level(after.dutch, k))}`).join(', ') });
    case 'english-level':
      return after.english ? t('advice.s.englishLevel', { to: after.english, from: levelWord(before.english || 'NONE') }) : null;
    case 'diploma-recognition':
      return after.education?.recognized ? t('advice.s.diploma', { level: label('education', after.education.level) }) : null;
    case 'job-type': {
      const added = (after.jobTypes ?? []).filter((j) => !(before.jobTypes ?? []).includes(j));
      return added.length === 1 ? t('advice.s.jobType', { type: t(`advice.jobType.${added[0]}`) }) : null;
    }
    case 'hours': return hours('advice.s.acceptHours', before, after);
    case 'travel-distance':
      return after.maxTravelKm && before.maxTravelKm ? t('advice.s.travel', { to: after.maxTravelKm, from: before.maxTravelKm }) : null;
    default: return null;
  }
}

function hours(key, before, after) {
  if (!before.hours || !after.hours) return null;
  return t(key, { min: after.hours.min, max: after.hours.max, fromMin: before.hours.min, fromMax: before.hours.max });
}

function level(dutch, skill) {
  return dutch?.[skill] || 'NONE';
}

function levelWord(value) {
  return value === 'NONE' ? t('advice.noLevel') : value;
}

function skillWord(skill) {
  return label('skill', skill).toLowerCase();
}

/** The one language skill whose level differs, or null. */
function changedSkill(before, after) {
  const changed = SKILLS.filter((k) => level(before, k) !== level(after, k));
  return changed.length === 1 ? changed[0] : null;
}

function addedSkills(before, after) {
  const had = new Set((before.skills ?? []).map((x) => x.id));
  return (after.skills ?? []).map((x) => x.id).filter((id) => !had.has(id));
}

/** The skill that was essential in the record and is important after the change, or null. */
function madeImportant(before, after) {
  const was = new Map((before.skills ?? []).map((x) => [x.id, x.importance]));
  const changed = (after.skills ?? []).filter((x) => was.get(x.id) === 'ESSENTIAL' && x.importance === 'IMPORTANT');
  return changed.length === 1 ? changed[0].id : null;
}

/** RFC 6902 add, replace and remove (all advice patches use) on a copy of doc; throws on anything else. */
export function applyPatch(doc, ops) {
  const root = { value: structuredClone(doc) };
  for (const op of ops ?? []) {
    const tokens = String(op.path).split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent = root;
    let key = 'value';
    for (const token of tokens) {
      parent = parent[key];
      key = token;
      if (parent === null || typeof parent !== 'object') throw new Error(`no such path ${op.path}`);
    }
    if (op.op === 'replace' || (op.op === 'add' && !Array.isArray(parent))) {
      parent[key] = structuredClone(op.value);
    } else if (op.op === 'add') {
      if (key === '-') parent.push(structuredClone(op.value));
      else parent.splice(Number(key), 0, structuredClone(op.value));
    } else if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      throw new Error(`unexpected patch operation ${op.op}`);
    }
  }
  return root.value;
}

/**
 * The sentence for a suggestion an audit entry carries, where the page has no record to compare with: in Dutch
 * worked out from the patch alone (the target value, without "now"), else the API's summary.
 */
export function auditSentence(s, side, language) {
  if (language === 'en') return s.summary;
  try {
    return fromPatch(s, side) ?? s.summary;
  } catch {
    return s.summary;
  }
}

function fromPatch(s, side) {
  const ops = new Map((s.patch ?? []).map((op) => [op.path, op]));
  const value = (path) => (ops.get(path)?.op === 'remove' ? undefined : ops.get(path)?.value);
  const dutchSkill = () => {
    const paths = [...ops.keys()].filter((p) => /^\/dutch\/[a-z]+$/.test(p));
    return paths.length === 1 && ops.size === 1 ? paths[0].slice('/dutch/'.length) : null;
  };
  switch (side === 'vacancy' ? `v:${s.kind}` : `p:${s.kind}`) {
    case 'v:lower-dutch': {
      const skill = dutchSkill();
      if (!skill || !SKILLS.includes(skill)) return null;
      const to = value(`/dutch/${skill}`);
      return to === 'NONE' ? t('advice.a.lowerDutchNone', { skill: skillWord(skill) }) : t('advice.a.lowerDutch', { to, skill: skillWord(skill) });
    }
    case 'v:language-support': return value('/languageSupport') === true ? t('advice.s.languageSupport') : null;
    case 'v:accept-english': return value('/englishAccepted') ? t('advice.s.acceptEnglish', { level: value('/englishAccepted') }) : null;
    case 'v:sponsor-permit': return value('/permitSponsored') === true ? t('advice.s.sponsorPermit') : null;
    case 'v:lower-education':
      if (ops.get('/educationLevel')?.op === 'remove') return t('advice.a.lowerEducationNone');
      return value('/educationLevel') ? t('advice.a.lowerEducation', { to: label('education', value('/educationLevel')) }) : null;
    case 'v:hours':
    case 'p:hours': {
      const min = value('/hours/min') ?? value('/hours')?.min;
      const max = value('/hours/max') ?? value('/hours')?.max;
      if (min === undefined || max === undefined) return null;
      return t(side === 'vacancy' ? 'advice.a.offerHours' : 'advice.a.acceptHours', { min, max });
    }
    case 'p:dutch-level': {
      const skill = dutchSkill();
      return skill && SKILLS.includes(skill) ? t('advice.a.dutchLevel', { to: value(`/dutch/${skill}`), skill: skillWord(skill) }) : null;
    }
    case 'p:dutch-all': {
      const levels = SKILLS.map((k) => value(`/dutch/${k}`) ?? value('/dutch')?.[k]);
      if (levels.some((x) => !x)) return null;
      return t('advice.s.dutchAll', { levels: SKILLS.map((k, i) => `${skillWord(k)} ${levelWord(levels[i])}`).join(', ') });
    }
    case 'p:english-level': return value('/english') ? t('advice.a.englishLevel', { to: value('/english') }) : null;
    case 'p:diploma-recognition': return value('/education/recognized') === true ? t('advice.a.diploma') : null;
    case 'p:job-type': {
      const type = value('/jobTypes/-');
      return type && ops.size === 1 ? t('advice.s.jobType', { type: t(`advice.jobType.${type}`) }) : null;
    }
    case 'p:travel-distance': return value('/maxTravelKm') ? t('advice.a.travel', { to: value('/maxTravelKm') }) : null;
    case 'p:learn-skill':
    case 'v:essential-to-important': {
      // The patch names the skill by id only; its label is the one in the API's summary. Read back from the
      // summary's known wording; any other wording keeps the summary itself.
      const m = (s.kind === 'learn-skill' ? /^Learn (.+) \(with a certificate\)$/ : /^Make (.+) important instead of essential$/)
        .exec(s.summary ?? '');
      return m ? t(s.kind === 'learn-skill' ? 'advice.s.learnSkill' : 'advice.s.essentialToImportant', { skill: m[1] }) : null;
    }
    default: return null;
  }
}
