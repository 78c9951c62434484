// Adds the visible "§" link to every heading, and to every numbered item and paragraph of a notice (ids muc-…, doan-…),
// so a reader can copy a link to exactly that paragraph. Done here rather than in the Markdown of
// every paragraph: thousands of pages build faster, and the anchors themselves are in the HTML.
(function () {
  function headerLink(id) {
    var link = document.createElement("a");
    link.className = "headerlink";
    link.href = "#" + id;
    link.title = "Liên kết đến mục này";
    link.textContent = "§";
    return link;
  }
  function addHeadingLinks() {
    // every heading with an id, as the theme's toc extension would write it (it writes none: size budget)
    var headings = document.querySelectorAll(".md-content h1[id], .md-content h2[id], .md-content h3[id], "
                                             + ".md-content h4[id], .md-content h5[id], .md-content h6[id]");
    for (var i = 0; i < headings.length; i++) {
      if (!headings[i].querySelector(":scope > a.headerlink")) headings[i].appendChild(headerLink(headings[i].id));
    }
  }
  function addParagraphLinks() {
    addHeadingLinks();
    var targets = document.querySelectorAll(".md-content [id^='muc-'], .md-content [id^='doan-']");
    for (var i = 0; i < targets.length; i++) {
      var element = targets[i];
      if (element.tagName === "H3") continue;  // a heading: its link is at its end (addHeadingLinks)
      if (element.querySelector(":scope > a.para-link")) continue;
      var link = document.createElement("a");
      link.className = "para-link";
      link.href = "#" + element.id;
      link.title = "Liên kết đến đoạn này";
      link.textContent = "§";
      element.insertBefore(link, element.firstChild);
      element.insertBefore(document.createTextNode(" "), link.nextSibling);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addParagraphLinks);
  else addParagraphLinks();
})();

// Lists the navigation on pages outside it (overrides/partials/archive-nav.html), which carry only the
// link home: the other links come from archive-nav.js (window.archiveNav, written by the build), relative
// to the site root the theme's configuration gives ("base"), so the USB edition's .html links work too.
(function () {
  function item(list, title, target) {
    var li = document.createElement("li");
    if (typeof target === "string") {
      var link = document.createElement("a");
      link.href = target;
      link.textContent = title;
      li.appendChild(link);
    } else {
      var name = document.createElement("span");
      name.textContent = title;
      li.appendChild(name);
      var sub = document.createElement("ul");
      for (var i = 0; i < target.length; i++) item(sub, target[i][0], root() + target[i][1]);
      li.appendChild(sub);
    }
    list.appendChild(li);
  }
  function root() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return base.replace(/\/$/, "") + "/";
  }
  function listNavigation() {
    var list = document.querySelector("nav.archive-nav > ul");
    var entries = window.archiveNav;
    if (!list || !entries || list.children.length !== 1) return;
    for (var i = 1; i < entries.length; i++) {  // the first, home, is in the page
      var target = entries[i][1];
      item(list, entries[i][0], typeof target === "string" ? root() + target : target);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", listNavigation);
  else listNavigation();
})();
