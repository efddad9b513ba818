// The fairness option of a vacancy's candidate list (FA*IR): at every prefix of the list at least the share a
// binomial test allows comes from a protected group (fairAttribute = fairValue). The server marks the matches
// it moved up to meet that (movedUpByFairness); the page shows that mark.

import { h, uid } from './dom.js';
import { t } from './i18n.js';
import './i18n-panels.js';

const ATTRIBUTES = ['gender', 'countryOfOrigin', 'ageBand'];
/** Suggestions for the value field; any value of the exchange format is accepted. */
const SUGGESTIONS = { gender: ['F', 'M', 'X'], ageBand: ['under 25', '25-34', '35-44', '45-54', '55+'], countryOfOrigin: ['SY', 'ER', 'UA', 'AF', 'TR'] };

/** The fairness settings the URL holds (empty strings when off). */
export function fairnessFrom(query) {
  return {
    fairAttribute: ATTRIBUTES.includes(query.get('fairAttribute')) ? query.get('fairAttribute') : '',
    fairValue: query.get('fairValue') || '', fairShare: query.get('fairShare') || '', fairAlpha: query.get('fairAlpha') || '',
  };
}

function on(f) {
  return Boolean(f.fairAttribute && f.fairValue && f.fairShare);
}

export function fairnessToQuery(f, q) {
  if (!on(f)) return;
  for (const name of ['fairAttribute', 'fairValue', 'fairShare', 'fairAlpha']) if (f[name]) q.set(name, f[name]);
}

/** The API parameters: all or nothing, since the server asks for all three once one is given. */
export function fairnessParams(f) {
  return on(f) ? { fairAttribute: f.fairAttribute, fairValue: f.fairValue, fairShare: f.fairShare, fairAlpha: f.fairAlpha } : {};
}

export function fairnessFromForm(data) {
  return {
    fairAttribute: data.get('fairAttribute') || '', fairValue: String(data.get('fairValue') || '').trim(),
    fairShare: String(data.get('fairShare') || '').trim(), fairAlpha: String(data.get('fairAlpha') || '').trim(),
  };
}

/** The fields, in a fieldset of their own under the other filters. */
export function fairnessFields(f) {
  const ids = { attr: uid('fair-attr'), value: uid('fair-value'), share: uid('fair-share'), alpha: uid('fair-alpha'), list: uid('fair-values') };
  const list = h('datalist', { id: ids.list });
  const attribute = h('select', { id: ids.attr, name: 'fairAttribute' },
    h('option', { value: '' }, t('fair.off')),
    ATTRIBUTES.map((a) => h('option', { value: a, selected: a === f.fairAttribute }, t(`audit.group.${a}`))));
  const fill = () => list.replaceChildren(...(SUGGESTIONS[attribute.value] || []).map((v) => h('option', { value: v })));
  attribute.addEventListener('change', fill);
  fill();
  return h('fieldset', { class: 'fair-fields' },
    h('legend', {}, t('fair.title')),
    h('p', { class: 'hint' }, t('fair.hint')),
    h('div', { class: 'field' }, h('label', { for: ids.attr }, t('fair.attribute')), attribute),
    h('div', { class: 'field' }, h('label', { for: ids.value }, t('fair.value')),
      h('input', { id: ids.value, name: 'fairValue', type: 'text', list: ids.list, value: f.fairValue, autocomplete: 'off' })),
    h('div', { class: 'field' }, h('label', { for: ids.share }, t('fair.share')),
      h('input', { id: ids.share, name: 'fairShare', type: 'number', min: '0.01', max: '0.99', step: '0.01', value: f.fairShare })),
    h('div', { class: 'field' }, h('label', { for: ids.alpha }, t('fair.alpha')),
      h('input', { id: ids.alpha, name: 'fairAlpha', type: 'number', min: '0.01', max: '0.5', step: '0.01', value: f.fairAlpha, placeholder: '0,1' })),
    list);
}
