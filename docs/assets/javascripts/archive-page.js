// Adds the visible "§" link to every numbered item and paragraph of a notice (ids muc-…, doan-…),
// so a reader can copy a link to exactly that paragraph. Done here rather than in the Markdown of
// every paragraph: thousands of pages build faster, and the anchors themselves are in the HTML.
(function () {
  function addParagraphLinks() {
    var targets = document.querySelectorAll(".md-content [id^='muc-'], .md-content [id^='doan-']");
    for (var i = 0; i < targets.length; i++) {
      var element = targets[i];
      if (element.tagName === "H3" || element.querySelector(":scope > a.para-link")) continue;
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
