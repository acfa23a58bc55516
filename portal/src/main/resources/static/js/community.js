// Community forum enhancements: live Markdown preview and "may already be answered" suggestions while typing a
// question title. The pages work without this script (Preview and "Check for similar questions" buttons).
(function () {
  'use strict';

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  document.querySelectorAll('[data-markdown-form]').forEach(function (form) {
    var input = form.querySelector('[data-markdown-input]');
    var preview = form.querySelector('[data-markdown-preview]');
    if (!input || !preview) {
      return;
    }
    var render = debounce(function () {
      if (!input.value.trim()) {
        preview.innerHTML = '';
        return;
      }
      fetch('/community/preview', {
        method: 'POST',
        headers: csrfHeaders(),
        credentials: 'same-origin',
        body: 'body=' + encodeURIComponent(input.value)
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html !== null) {
          // The server renders through the same sanitizer as saved posts, so this HTML is safe to insert.
          preview.innerHTML = '<h2 class="preview-title">Preview</h2><div class="article-body">' + html + '</div>';
        }
      }).catch(function () { /* the Preview button still works */ });
    }, 400);
    input.addEventListener('input', render);
  });

  document.querySelectorAll('[data-similar-input]').forEach(function (input) {
    var list = input.form.querySelector('[data-similar-list]');
    if (!list) {
      return;
    }
    var lookup = debounce(function () {
      var title = input.value.trim();
      if (title.length < 3) {
        list.textContent = '';
        return;
      }
      fetch('/community/similar?title=' + encodeURIComponent(title), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (matches) {
          list.textContent = '';
          if (!matches.length) {
            return;
          }
          var heading = document.createElement('h2');
          heading.textContent = 'These may already answer your question';
          var ul = document.createElement('ul');
          matches.forEach(function (m) {
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = m.url;
            a.textContent = m.title;
            var kind = document.createElement('span');
            kind.className = 'muted';
            kind.textContent = m.type === 'thread' ? ' (community)' : ' (article)';
            li.appendChild(a);
            li.appendChild(kind);
            ul.appendChild(li);
          });
          list.appendChild(heading);
          list.appendChild(ul);
        }).catch(function () { /* the check button still works */ });
    }, 300);
    input.addEventListener('input', lookup);
  });
})();
