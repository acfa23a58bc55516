/*
 * Typeahead for every input[data-typeahead]: suggestions from /api/v1/search/suggest as an
 * ARIA 1.2 combobox (list popup). Progressive enhancement: without this file the search form
 * simply submits. Keys: Down/Up move, Enter opens the highlighted suggestion (or submits the
 * form), Escape closes the list (a second Escape clears the box), Tab leaves.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;
  var counter = 0;

  function attach(input) {
    if (input.dataset.typeaheadReady) {
      return;
    }
    input.dataset.typeaheadReady = 'true';
    counter += 1;
    var listId = (input.id || 'typeahead-' + counter) + '-suggestions';
    var form = input.form;
    var endpoint = input.getAttribute('data-typeahead-url') || '/api/v1/search/suggest';

    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'typeahead-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search suggestions');
    list.hidden = true;

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');
    input.insertAdjacentElement('afterend', list);
    list.insertAdjacentElement('afterend', status);

    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = '';
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) {
        return;
      }
      close();
      if (item.type === 'article' && item.url) {
        window.location.assign(item.url);
      } else {
        input.value = item.text;
        if (form) {
          form.submit();
        }
      }
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = '';
      suggestions.forEach(function (item, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = item.text;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = item.type === 'article' ? 'Article' : 'Search';
        option.appendChild(kind);
        option.addEventListener('mousedown', function (event) {
          event.preventDefault(); // keep focus in the input
          choose(i);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (suggestions.length === 0) {
        close();
        status.textContent = '';
        return;
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = suggestions.length + (suggestions.length === 1 ? ' suggestion' : ' suggestions') +
          ' available, use the arrow keys to choose';
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_CHARS) {
        lastQuery = query;
        render([]);
        return;
      }
      if (query === lastQuery && !list.hidden) {
        return;
      }
      lastQuery = query;
      if (controller) {
        controller.abort();
      }
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      fetch(endpoint + '?q=' + encodeURIComponent(query), {
        headers: {'Accept': 'application/json'},
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          return response.ok ? response.json() : {suggestions: []};
        })
        .then(function (body) {
          if (input.value.trim() === query) {
            render(body.suggestions || []);
          }
        })
        .catch(function () { /* aborted or offline: the plain form still works */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener('keydown', function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!open) {
            lastQuery = '';
            fetchSuggestions();
            return;
          }
          highlight(active + 1 >= items.length ? 0 : active + 1);
          break;
        case 'ArrowUp':
          if (!open) {
            return;
          }
          event.preventDefault();
          highlight(active <= 0 ? items.length - 1 : active - 1);
          break;
        case 'Enter':
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case 'Escape':
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = '';
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', function () {
      setTimeout(close, 100);
    });
  }

  function init() {
    document.querySelectorAll('input[data-typeahead]').forEach(attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
