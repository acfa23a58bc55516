// Unsent questions and answers survive a reload or a closed tab, as in Discourse: every form marked with
// data-draft-key is saved to this browser's localStorage while typing and filled in again on the next visit.
// The draft is deleted once the post went through: the page after a successful post shows no refused form.
(function () {
  'use strict';

  var PREFIX = 'answerloop.draft.';
  var PENDING = 'answerloop.draft.pending';

  function storage(kind) {
    try {
      var store = window[kind];
      store.setItem(PREFIX + 'probe', '1');
      store.removeItem(PREFIX + 'probe');
      return store;
    } catch (e) {
      return null; // private mode or storage disabled: the forms work as before
    }
  }

  var local = storage('localStorage');
  var session = storage('sessionStorage');
  if (!local || !session) {
    return;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && field.name !== 'website' && field.name !== '_csrf'
        && (field.tagName === 'TEXTAREA' || field.type === 'text');
    });
  }

  // A post was sent from this browser on the previous page: if it was not refused, its draft is done.
  var pending = session.getItem(PENDING);
  session.removeItem(PENDING);
  if (pending && !document.querySelector('form[data-draft-key="' + pending + '"][data-draft-refused]')) {
    local.removeItem(PREFIX + pending);
  }

  document.querySelectorAll('form[data-draft-key]').forEach(function (form) {
    var key = form.getAttribute('data-draft-key');
    var saved = null;
    try {
      saved = JSON.parse(local.getItem(PREFIX + key) || 'null');
    } catch (e) {
      local.removeItem(PREFIX + key);
    }
    if (saved) {
      var restored = false;
      fields(form).forEach(function (field) {
        if (!field.value && typeof saved[field.name] === 'string' && saved[field.name]) {
          field.value = saved[field.name];
          restored = true;
        }
      });
      if (restored) {
        var note = document.createElement('p');
        note.className = 'muted';
        note.setAttribute('data-draft-restored', '');
        note.textContent = 'Your unsent draft from this browser was restored.';
        form.insertBefore(note, form.firstChild);
      }
    }

    var timer;
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var draft = {};
        var empty = true;
        fields(form).forEach(function (field) {
          draft[field.name] = field.value;
          empty = empty && !field.value.trim();
        });
        if (empty) {
          local.removeItem(PREFIX + key);
        } else {
          local.setItem(PREFIX + key, JSON.stringify(draft));
        }
      }, 300);
    });
    form.addEventListener('submit', function (event) {
      if (event.submitter && event.submitter.value === 'post') {
        session.setItem(PENDING, key);
      }
    });
  });
}());
