/* Contact form: show matching answers while the customer types. Without this file "Find answers" does the same. */
(function () {
  "use strict";
  var form = document.querySelector("[data-contact-form]");
  var box = document.getElementById("suggestions");
  if (!form || !box || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-suggest-url");
  var csrf = document.querySelector("meta[name=_csrf]");
  var subject = form.querySelector("#subject");
  var description = form.querySelector("#description");
  var timer = null;
  var last = "";

  function text() {
    return (subject.value + " " + description.value.slice(0, 200)).trim();
  }

  function render(items) {
    box.textContent = "";
    if (!items.length) {
      var p = document.createElement("p");
      p.className = "muted";
      p.textContent = "No matching answers yet. Try other words, or send your request.";
      box.appendChild(p);
      return;
    }
    var list = document.createElement("ul");
    list.className = "suggestion-list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      // through the contact form, which counts the opening as a step of its funnel, then shows the answer
      a.href = "/contact/suggestions/open?key=" + encodeURIComponent(item.key);
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = item.title;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "muted";
      kind.textContent = " " + item.typeLabel;
      li.appendChild(kind);
      var snippet = document.createElement("p");
      snippet.className = "snippet";
      // snippetHtml is escaped by the server with only <mark> added around matches
      snippet.innerHTML = item.snippetHtml;
      li.appendChild(snippet);
      var f = document.createElement("form");
      f.method = "post";
      f.action = "/contact/answered";
      f.innerHTML = '<input type="hidden" name="key"><input type="hidden" name="_csrf">' +
        '<button type="submit" class="secondary small">This answered my question</button>';
      f.elements.key.value = item.key;
      f.elements._csrf.value = csrf ? csrf.content : "";
      li.appendChild(f);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function lookup() {
    var q = text();
    if (q.length < 3 || q === last) {
      return;
    }
    last = q;
    fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) { if (q === last) { render(items); } })
      .catch(function () { /* the "Find answers" button still works */ });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookup, 350);
  }

  subject.addEventListener("input", schedule);
  description.addEventListener("input", schedule);
})();
