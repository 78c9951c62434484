/*
 * Archive search: diacritic-folded full-text search that works from file://.
 *
 * The index is built by build_tools/search/ (see index.py for its layout). Every
 * index file is a script that calls window.__archiveShard(key, data), because
 * fetch, XHR, modules and workers are blocked for file:// pages; a query adds
 * <script> tags for the shards its words need and nothing else.
 *
 * Folding and tokenising mirror build_tools/search/fold.py and tokenize.py; the
 * browser tests check that both give the same output. Text from the index is
 * untrusted: it only ever reaches the page through textContent.
 *
 * API: window.archiveSearch.query(text, filters) → Promise<[{url, href, title,
 * province, date, number, doc_type, issuer, score, snippet, highlights, anchor}]>,
 * best first; the array also carries total, totalExact and more.
 * filters: {province, year, from, to, doc_type, measure, issuer} plus options
 * limit (default 20) and prefix (default true: the last word is still being typed).
 * highlights are [start, end] offsets into snippet (original accented text).
 */
(function () {
  'use strict';
  if (window.archiveSearch) return;

  var script = document.currentScript;
  var ROOT = new URL('../../', script ? script.src : document.baseURI).href;
  var INDEX = ROOT + 'search/';
  var SEARCH_PARAMS = ['province', 'year', 'from', 'to', 'doc_type', 'measure', 'issuer'];

  /* ---- folding (fold.py) ------------------------------------------------- */

  var MARKS = /\p{M}/gu;
  var D_LETTERS = 'đĐÐð';

  function codePoints(text) { return Array.from(text).length; }

  function foldChar(ch) {
    if (D_LETTERS.indexOf(ch) >= 0) return 'd';
    var lower = ch.toLowerCase();
    var stripped = lower.normalize('NFD').replace(MARKS, '');
    if (codePoints(stripped) === 1 && stripped.length === ch.length) return stripped;
    return (codePoints(lower) === 1 && lower.length === ch.length) ? lower : ch;
  }

  function lowerChar(ch) {
    var lower = ch.toLowerCase();
    return (codePoints(lower) === 1 && lower.length === ch.length) ? lower : ch;
  }

  // Per UTF-16 unit, the unit it maps to plus one (0: not computed yet), filled on first sight.
  var FOLD_TABLE = new Uint16Array(0x10000);
  var LOWER_TABLE = new Uint16Array(0x10000);
  var UTF16 = new TextDecoder('utf-16le');

  /** Apply a one-character rule to every character; the result has the same UTF-16 length. */
  function mapChars(text, rule, table) {
    var source = text.normalize('NFC');
    var out = new Uint16Array(source.length);
    for (var i = 0; i < source.length; i++) {
      var code = source.charCodeAt(i);
      if (code >= 0xD800 && code <= 0xDBFF && i + 1 < source.length) {
        var low = source.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          var pair = rule(source.slice(i, i + 2));  // rare: astral letters, computed each time
          out[i] = pair.charCodeAt(0);
          out[i + 1] = pair.charCodeAt(1);
          i++;
          continue;
        }
      }
      var mapped = table[code];
      if (mapped === 0) {
        mapped = rule(String.fromCharCode(code)).charCodeAt(0) + 1;
        table[code] = mapped;
      }
      out[i] = mapped - 1;
    }
    return UTF16.decode(out);
  }

  /** NFC, lowercase, đ/Đ/Ð → d, diacritics dropped; same length as the NFC text. */
  function fold(text) { return mapChars(text, foldChar, FOLD_TABLE); }
  function lowerSameLength(text) { return mapChars(text, lowerChar, LOWER_TABLE); }
  function hasDiacritics(word) { return fold(word) !== lowerSameLength(word); }

  /* ---- tokens and queries (tokenize.py) ---------------------------------- */

  var MAX_TERM_LENGTH = 40;
  var WORD = /[\p{L}\p{N}]+/gu;
  var COMPOUND = /[\p{L}\p{N}]+(?:[\/-][\p{L}\p{N}]+)*/gu;
  var JOINERS = /[\/-]/;

  function isNumber(compound) {
    return compound.indexOf('/') >= 0 && compound[0] >= '0' && compound[0] <= '9';
  }

  function compounds(text) { return text.match(COMPOUND) || []; }

  function termLength(term) { return codePoints(term) <= MAX_TERM_LENGTH; }

  /** Folded terms in order, numbers before their words (tokenize.tokens). */
  function tokens(text) {
    var out = [];
    compounds(fold(text)).forEach(function (compound) {
      if (isNumber(compound)) out.push(compound);
      out.push.apply(out, compound.split(JOINERS));
    });
    return out.filter(termLength);
  }

  function wordSequence(text) { return fold(text).match(WORD) || []; }

  function queryWords(segment, numbersWhole) {
    var words = [];
    compounds(lowerSameLength(segment)).forEach(function (compound) {
      var parts = (numbersWhole && isNumber(compound)) ? [compound] : compound.split(JOINERS);
      parts.filter(termLength).forEach(function (part) {
        words.push({term: fold(part), form: part, prefix: false});
      });
    });
    return words;
  }

  /** Required words and "quoted phrases"; the last word is a prefix while typed (tokenize.parse_query). */
  function parseQuery(text, prefix) {
    var segments = text.split('"');
    var words = [];
    var phrases = [];
    var lastOwner = null;
    segments.forEach(function (segment, index) {
      var inPhrase = index % 2 === 1;
      var found = queryWords(segment, !inPhrase);
      if (inPhrase && found.length > 1) phrases.push(found);
      words.push.apply(words, found);
      if (found.length) lastOwner = (inPhrase && found.length > 1) ? phrases[phrases.length - 1] : null;
    });
    var typing = prefix !== false && words.length > 0 && text.slice(-1).trim() !== '' && text.slice(-1) !== '"';
    if (typing) {
      var last = words[words.length - 1];
      var typed = {term: last.term, form: last.form, prefix: true};
      words[words.length - 1] = typed;
      if (lastOwner && lastOwner[lastOwner.length - 1] === last) lastOwner[lastOwner.length - 1] = typed;
    }
    var byTerm = new Map();
    words.forEach(function (word) {
      var kept = byTerm.get(word.term);
      if (!kept || (kept.prefix && !word.prefix)) byTerm.set(word.term, word);
    });
    var unique = Array.from(byTerm.values());
    unique.forEach(function (word) { word.accented = hasDiacritics(word.form); });
    phrases.forEach(function (phrase) {
      phrase.forEach(function (word) { word.accented = hasDiacritics(word.form); });
    });
    return {words: unique, phrases: phrases};
  }

  /* ---- loading index files ------------------------------------------------ */

  var store = new Map();
  var pending = new Map();
  var loadedFiles = [];
  var version = '';

  window.__archiveShard = function (key, data) { store.set(key, data); };

  /** Load one index file by adding a <script>; resolves with what it registered. */
  function load(key, path) {
    if (store.has(key)) return Promise.resolve(store.get(key));
    if (pending.has(key)) return pending.get(key);
    var promise = new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = INDEX + path + version;
      tag.async = true;
      tag.onload = function () {
        tag.remove();
        if (store.has(key)) resolve(store.get(key));
        else reject(new Error('search index file did not register: ' + path));
      };
      tag.onerror = function () {
        tag.remove();
        pending.delete(key);
        reject(new Error('search index file is missing: ' + path));
      };
      document.head.appendChild(tag);
    });
    pending.set(key, promise);
    loadedFiles.push('search/' + path);
    return promise;
  }

  var manifestPromise = null;
  function manifest() {
    if (!manifestPromise) {
      manifestPromise = load('manifest', 'manifest.js').then(function (data) {
        data.splitSet = new Set(data.split);
        data.shardSet = new Set(data.shards);
        if (location.protocol !== 'file:') version = '?v=' + data.build;
        return data;
      }, function (error) { manifestPromise = null; throw error; });
    }
    return manifestPromise;
  }

  function safeName(key) {
    var out = '';
    for (var ch of key) {
      out += /^[a-z0-9]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16) + '_';
    }
    return out;
  }

  function shardKey(term, split) {
    var chars = Array.from(term);
    var length = 1;
    while (length <= chars.length && split.has(chars.slice(0, length).join(''))) length++;
    return chars.slice(0, Math.min(length, chars.length)).join('');
  }

  function shard(key, meta) {
    if (!meta.shardSet.has(key)) return Promise.resolve({});
    return load('t:' + key, 't/t-' + safeName(key) + '.js');
  }

  /* ---- postings ------------------------------------------------------------ */

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  function decodeNumbers(text) {
    var values = [];
    var current = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) current = current * 32 + (digit - 32);
      else { values.push(current * 32 + digit); current = 0; }
    }
    return values;
  }

  /** Postings of one stored chunk as typed arrays (docs ascending). */
  function decodePostings(text, withMasks) {
    var values = decodeNumbers(text);
    var step = withMasks ? 3 : 2;
    var count = values.length / step;
    var docs = new Int32Array(count);
    var impacts = new Uint8Array(count);
    var masks = withMasks ? new Int32Array(count) : null;
    var doc = 0;
    for (var i = 0, j = 0; j < count; i += step, j++) {
      doc += values[i];
      docs[j] = doc;
      impacts[j] = values[i + 1];
      if (masks) masks[j] = values[i + 2];
    }
    return {docs: docs, impacts: impacts, masks: masks};
  }

  // Decoded postings, keyed by the entry they came from (a completion's copy is a different
  // entry from the term's own) and by rest-file number.
  var decodedTops = new WeakMap();
  var decodedRests = new Map();

  function variantsOf(term, stored) { return Array.isArray(stored) ? stored : [term]; }

  /** Decoded postings of a term: its top postings, plus the rest unless it is a completion being typed. */
  function termPostings(term, stored, allPages) {
    var withMasks = Array.isArray(stored[1]) && stored[1].length > 1;
    var top = decodedTops.get(stored);
    if (!top) { top = decodePostings(stored[2], withMasks); decodedTops.set(stored, top); }
    if (stored.length < 4 || !allPages) return Promise.resolve([top]);
    return load('p:' + stored[3], 'p/' + stored[3] + '.js').then(function (text) {
      var rest = decodedRests.get(stored[3]);
      if (!rest) { rest = decodePostings(text, withMasks); decodedRests.set(stored[3], rest); }
      return [top, rest];
    });
  }

  function completionOrder(a, b) {
    return (b[1][0] - a[1][0]) || (codePoints(a[0]) - codePoints(b[0])) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }

  /**
   * The terms a query word stands for: itself, and while typed its commonest
   * completions, whose entries come in the same shard (one file per word).
   */
  function expansions(word, meta) {
    var key = shardKey(word.term, meta.splitSet);
    return shard(key, meta).then(function (data) {
      var own = Object.prototype.hasOwnProperty.call(data, word.term) ? data[word.term] : null;
      var out = own ? [{term: word.term, stored: own, weight: 1, allPages: true}] : [];
      if (!word.prefix) return out;
      var pairs = meta.splitSet.has(word.term) ? (data[''] || [])
        : Object.keys(data).filter(function (t) { return t && t.indexOf(word.term) === 0; })
          .map(function (t) { return [t, data[t]]; }).sort(completionOrder);
      pairs.filter(function (pair) { return pair[0] !== word.term; }).slice(0, meta.completions)
        .forEach(function (pair) {
          out.push({term: pair[0], stored: pair[1], weight: meta.prefixWeight, allPages: false});
        });
      return out;
    });
  }

  /** Everything a word needs loaded: its expansions with their decoded postings. */
  function prepareWord(word, meta) {
    return expansions(word, meta).then(function (list) {
      return Promise.all(list.map(function (e) {
        return termPostings(e.term, e.stored, e.allPages).then(function (chunks) { e.chunks = chunks; return e; });
      }));
    });
  }

  function idf(df, meta) { return Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5)); }

  /** Per-notice best score among the word's expansions and whether an exact accented form matched. */
  function scoreWord(word, prepared, meta) {
    var score = new Float64Array(meta.docs);
    var exact = new Uint8Array(meta.docs);
    var touched = [];
    prepared.forEach(function (e) {
      var variants = variantsOf(e.term, e.stored[1]);
      var wanted = 0;
      if (word.accented) {
        variants.forEach(function (variant, bit) {
          if (variant === word.form || (word.prefix && variant.indexOf(word.form) === 0)) wanted |= (1 << bit);
        });
      }
      var weight = idf(e.stored[0], meta);
      e.chunks.forEach(function (chunk) {
        for (var i = 0; i < chunk.docs.length; i++) {
          var doc = chunk.docs[i];
          var value = weight * chunk.impacts[i] / meta.levels * e.weight;
          var hit = (chunk.masks ? chunk.masks[i] : 1) & wanted ? 1 : 0;
          if (score[doc] === 0) touched.push(doc);
          if (value > score[doc]) score[doc] = value;
          if (hit) exact[doc] = 1;
        }
      });
    });
    return {score: score, exact: exact, docs: touched};
  }

  // The last words' scores: while a reader types, every keystroke but the last word repeats them.
  var scoreCache = new Map();

  function cachedScores(word, prepared, meta) {
    var key = word.term + '\u0000' + word.form + '\u0000' + (word.prefix ? 1 : 0);
    var hit = scoreCache.get(key);
    if (hit) {
      scoreCache.delete(key);
    } else {
      hit = scoreWord(word, prepared, meta);
      if (scoreCache.size >= 12) scoreCache.delete(scoreCache.keys().next().value);
    }
    scoreCache.set(key, hit);
    return hit;
  }

  /* ---- notices: metadata and paragraphs ------------------------------------ */

  function docFile(number, meta) {
    return load('d:' + number, 'd/' + Math.floor(number / meta.docBucket) + '/' + number + '.js');
  }

  var paragraphCache = new Map();

  function inflate(base64) {
    if (typeof DecompressionStream === 'undefined') return Promise.resolve([]);
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).text().then(JSON.parse);
  }

  /** Metadata and [anchor, text] paragraphs of one notice. */
  function notice(number, meta) {
    var hit = paragraphCache.get(number);
    if (hit) return hit;
    hit = docFile(number, meta).then(function (doc) {
      return inflate(doc.z).then(function (paragraphs) { return {doc: doc, paragraphs: paragraphs}; });
    });
    paragraphCache.set(number, hit);
    if (paragraphCache.size > 400) paragraphCache.delete(paragraphCache.keys().next().value);
    return hit;
  }

  /* ---- filters ------------------------------------------------------------- */

  var columnsPromise = null;
  function columns() {
    if (!columnsPromise) {
      columnsPromise = Promise.all([load('facets', 'facets.js'), load('columns', 'columns.js')]).then(function (both) {
        var raw = both[1];
        var out = {facets: both[0]};
        ['province', 'date', 'doc_type', 'issuer'].forEach(function (name) { out[name] = decodeNumbers(raw[name]); });
        var values = decodeNumbers(raw.measures);
        var measures = [];
        for (var i = 0; i < values.length; i += 1 + values[i]) measures.push(values.slice(i + 1, i + 1 + values[i]));
        out.measures = measures;
        return out;
      }, function (error) { columnsPromise = null; throw error; });
    }
    return columnsPromise;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return null;
    return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 1;
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD → the first (or last) day it covers, as ISO. */
  function completeDate(value, end) {
    var parts = String(value).split('-');
    if (parts.length === 1) return parts[0] + (end ? '-12-31' : '-01-01');
    if (parts.length === 2) {
      var last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
      return parts[0] + '-' + parts[1] + '-' + (end ? String(last).padStart(2, '0') : '01');
    }
    return String(value);
  }

  function dateBounds(filters) {
    var low = 1, high = 1e9;
    if (filters.year && !isNaN(parseInt(filters.year, 10))) {
      var y = String(parseInt(filters.year, 10)).padStart(4, '0');
      low = dayNumber(y + '-01-01'); high = dayNumber(y + '-12-31');
    }
    if (filters.from) low = Math.max(low, dayNumber(completeDate(filters.from, false)) || low);
    if (filters.to) high = Math.min(high, dayNumber(completeDate(filters.to, true)) || high);
    return [low, high];
  }

  var FACET_RULES = {
    province: function (key, label, v) { return key === v || fold(label) === fold(v) || fold(key) === fold(v); },
    doc_type: function (key, label, v) { return fold(label) === fold(v); },
    issuer: function (key, label, v) { return fold(label).indexOf(fold(v)) >= 0; },
    measure: function (key, label, v) { return key.toLowerCase() === String(v).toLowerCase(); }
  };

  /** A predicate over notice numbers for the active filters (columns.js is loaded only here). */
  function filterPredicate(filters, cols) {
    var tests = [];
    Object.keys(FACET_RULES).forEach(function (facet) {
      if (!(facet in filters)) return;
      var wanted = new Set();
      cols.facets[facet].forEach(function (e) {
        if (FACET_RULES[facet](e[0], e[1], String(filters[facet]))) wanted.add(e[2]);
      });
      if (facet === 'measure') {
        tests.push(function (d) { return cols.measures[d].some(function (m) { return wanted.has(m); }); });
      } else {
        var column = cols[facet];
        tests.push(function (d) { return wanted.has(column[d]); });
      }
    });
    if (filters.year || filters.from || filters.to) {
      var bounds = dateBounds(filters);
      tests.push(function (d) { var day = cols.date[d]; return day > 0 && day >= bounds[0] && day <= bounds[1]; });
    }
    return function (d) { return tests.every(function (t) { return t(d); }); };
  }

  function activeFilters(filters) {
    var out = {};
    SEARCH_PARAMS.forEach(function (key) {
      var value = filters[key];
      if (value !== undefined && value !== null && String(value).trim() !== '') out[key] = String(value).trim();
    });
    return out;
  }

  /* ---- snippets ------------------------------------------------------------ */

  var SNIPPET_CHARS = 280;

  function wordMatches(token, word) {
    return token === word.term || (word.prefix && token.indexOf(word.term) === 0);
  }

  /** Highlight only the terms the word was searched as (a typed prefix, only its completions used). */
  function highlights(token, word) {
    return word.searched ? word.searched.has(token) : wordMatches(token, word);
  }

  /** Spans of a folded paragraph matching query words: [start, end, word index]. */
  function matchSpans(folded, words) {
    var spans = [];
    COMPOUND.lastIndex = 0;
    var m;
    while ((m = COMPOUND.exec(folded)) !== null) {
      var compound = m[0];
      var start = m.index;
      if (isNumber(compound)) {
        words.forEach(function (w, i) {
          if (highlights(compound, w)) spans.push([start, start + compound.length, i]);
        });
      }
      var offset = start;
      compound.split(JOINERS).forEach(function (part) {
        words.forEach(function (w, i) {
          if (highlights(part, w)) spans.push([offset, offset + part.length, i]);
        });
        offset += part.length + 1;
      });
    }
    return spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
  }

  function hasPhrase(sequence, phrase) {
    for (var start = 0; start + phrase.length <= sequence.length; start++) {
      var ok = true;
      for (var j = 0; j < phrase.length && ok; j++) ok = wordMatches(sequence[start + j], phrase[j]);
      if (ok) return true;
    }
    return false;
  }

  function foldedParagraphs(item) {
    if (!item.folded) item.folded = item.paragraphs.map(function (p) { return fold(p[1]); });
    return item.folded;
  }

  /** The paragraph that best answers the query, with its matches; null when only the title matched. */
  function bestParagraph(item, query, weights) {
    var best = null;
    var folded = foldedParagraphs(item);
    item.paragraphs.forEach(function (p, index) {
      var text = p[1];
      var quick = query.words.some(function (w) { return folded[index].indexOf(w.term) >= 0; });
      if (!quick) return;
      var spans = matchSpans(folded[index], query.words);
      if (!spans.length) return;
      var seen = new Set();
      var score = 0;
      spans.forEach(function (s) {
        var word = query.words[s[2]];
        var exact = word.accented && lowerSameLength(text.slice(s[0], s[1])).indexOf(word.form) === 0;
        var key = s[2] + (exact ? ':e' : '');
        if (seen.has(key)) return;
        seen.add(key);
        score += (weights[s[2]] || 1) * (exact ? 1.5 : 1);
      });
      if (query.phrases.length || query.words.length > 1) {
        var sequence = folded[index].match(WORD) || [];
        query.phrases.forEach(function (phrase) { if (hasPhrase(sequence, phrase)) score += 100; });
        if (query.words.length > 1 && hasPhrase(sequence, query.words)) score += 50;  // words side by side
      }
      if (!best || score > best.score) best = {anchor: p[0], text: text, spans: spans, score: score};
    });
    return best;
  }

  /** Cut ``text`` to about SNIPPET_CHARS around its first match; offsets follow the cut. */
  function trimSnippet(text, spans) {
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    });
    if (text.length <= SNIPPET_CHARS) return {snippet: text, highlights: merged};
    var start = merged.length ? Math.max(0, merged[0][0] - 60) : 0;
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = (space >= 0 && space < (merged.length ? merged[0][0] : start + 30)) ? space + 1 : start;
    }
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      if (back > start + SNIPPET_CHARS / 2) end = back;
    }
    var before = start > 0 ? '… ' : '';
    var snippet = before + text.slice(start, end) + (end < text.length ? ' …' : '');
    var highlights = merged.filter(function (h) { return h[0] >= start && h[1] <= end; })
      .map(function (h) { return [h[0] - start + before.length, h[1] - start + before.length]; });
    return {snippet: snippet, highlights: highlights};
  }

  function resultOf(number, score, item, query, weights) {
    var doc = item.doc;
    var best = query ? bestParagraph(item, query, weights) : null;
    var cut = best ? trimSnippet(best.text, best.spans)
      : trimSnippet(item.paragraphs.length ? item.paragraphs[0][1] : '', []);
    var anchor = best ? best.anchor : null;
    return {
      url: doc.u, href: ROOT + doc.u + (anchor ? '#' + anchor : ''), title: doc.t,
      province: doc.p, date: doc.d, number: doc.n, doc_type: doc.y, issuer: doc.i,
      score: Math.round(score * 1e4) / 1e4, snippet: cut.snippet, highlights: cut.highlights, anchor: anchor
    };
  }

  /* ---- queries ------------------------------------------------------------- */

  var TIER_SCALE = 10000;

  function rankDocs(query, prepared, meta) {
    var order = query.words.map(function (w, i) { return i; })
      .sort(function (x, y) { return query.words[x].term < query.words[y].term ? -1 : 1; });
    var candidates = null;
    var total = new Float64Array(meta.docs);
    var tier = new Uint8Array(meta.docs);
    order.forEach(function (i) {
      var word = query.words[i];
      var scored = cachedScores(word, prepared[i], meta);
      candidates = candidates === null ? scored.docs
        : candidates.filter(function (d) { return scored.score[d] > 0; });
      candidates.forEach(function (d) {
        total[d] += scored.score[d];
        if (word.accented) tier[d] += scored.exact[d];
      });
    });
    candidates = candidates || [];
    return {docs: candidates, total: total, tier: tier};
  }

  /**
   * The best-ranked candidates whose text holds every quoted phrase, reading at most
   * meta.phraseChecks notices (positions are not indexed; see index.py).
   */
  function checkPhrases(docs, query, meta, limit) {
    var kept = [];
    var checked = 0;
    var pool = docs.slice(0, meta.phraseChecks);
    var batch = 24;
    function holdsPhrases(item) {
      var sequences = [wordSequence(item.doc.t)].concat(foldedParagraphs(item).map(function (f) {
        return f.match(WORD) || [];
      }));
      return query.phrases.every(function (phrase) {
        return sequences.some(function (s) { return hasPhrase(s, phrase); });
      });
    }
    function next() {
      if (kept.length >= limit || checked >= pool.length) {
        return Promise.resolve({docs: kept, more: checked < pool.length,
                                exact: checked === docs.length});
      }
      var slice = pool.slice(checked, checked + batch);
      return Promise.all(slice.map(function (d) { return notice(d, meta); })).then(function (items) {
        for (var i = 0; i < items.length && kept.length < limit; i++) {
          checked++;
          if (holdsPhrases(items[i])) kept.push(slice[i]);
        }
        return next();
      });
    }
    return next();
  }

  /** Results with snippets; ``count`` says how many match in all ({total, exact, more}). */
  function finish(numbers, scores, query, weights, meta, count) {
    return Promise.all(numbers.map(function (d) { return notice(d, meta); })).then(function (items) {
      var results = items.map(function (item, i) { return resultOf(numbers[i], scores[i], item, query, weights); });
      results.total = count.total;  // a lower bound when totalExact is false
      results.totalExact = count.exact;
      results.more = count.more;  // a larger limit would return more
      return results;
    });
  }

  function counted(docs, shown) {
    return {total: docs.length, exact: true, more: docs.length > shown};
  }

  /** Search the archive; resolves with results, best first (see the header comment). */
  function query(text, filters) {
    filters = filters || {};
    var limit = Math.max(1, parseInt(filters.limit, 10) || 20);
    var active = activeFilters(filters);
    var parsed = parseQuery(String(text || ''), filters.prefix);
    var hasFilters = Object.keys(active).length > 0;
    return manifest().then(function (meta) {
      var wanted = hasFilters ? columns() : Promise.resolve(null);
      if (!parsed.words.length) {
        if (!hasFilters) return Object.assign([], {total: 0, totalExact: true, more: false});
        return wanted.then(function (cols) {
          var allow = filterPredicate(active, cols);
          var docs = [];
          for (var d = 0; d < meta.docs; d++) if (allow(d)) docs.push(d);
          docs.sort(function (x, y) { return (cols.date[y] - cols.date[x]) || (x - y); });
          var top = docs.slice(0, limit);
          return finish(top, top.map(function () { return 0; }), null, [], meta, counted(docs, top.length));
        });
      }
      var words = Promise.all(parsed.words.map(function (w) { return prepareWord(w, meta); }));
      return Promise.all([words, wanted]).then(function (both) {
        var prepared = both[0];
        var cols = both[1];
        parsed.words.forEach(function (word, i) {
          word.searched = new Set(prepared[i].map(function (e) { return e.term; }));
        });
        var ranked = rankDocs(parsed, prepared, meta);
        var docs = ranked.docs;
        if (cols) docs = docs.filter(filterPredicate(active, cols));
        docs.sort(function (x, y) {
          return (ranked.tier[y] - ranked.tier[x]) || (ranked.total[y] - ranked.total[x]) || (x - y);
        });
        var weights = prepared.map(function (list) {
          return list.length ? idf(list[0].stored[0], meta) : 1;
        });
        var chosen = parsed.phrases.length ? checkPhrases(docs, parsed, meta, limit).then(function (found) {
          return {docs: found.docs, count: {total: found.docs.length, exact: found.exact, more: found.more}};
        }) : Promise.resolve({docs: docs.slice(0, limit), count: counted(docs, Math.min(limit, docs.length))});
        return chosen.then(function (picked) {
          var top = picked.docs;
          var scores = top.map(function (d) { return ranked.tier[d] * TIER_SCALE + ranked.total[d]; });
          return finish(top, scores, parsed, weights, meta, picked.count);
        });
      });
    });
  }

  /* ---- user interface -------------------------------------------------------- */

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function displayDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  /** The snippet as text nodes and <mark>s: never HTML parsed from the index. */
  function snippetNode(result) {
    var node = el('span', {class: 'archive-search__snippet'});
    var at = 0;
    result.highlights.forEach(function (h) {
      if (h[0] > at) node.appendChild(document.createTextNode(result.snippet.slice(at, h[0])));
      node.appendChild(el('mark', {text: result.snippet.slice(h[0], h[1])}));
      at = h[1];
    });
    if (at < result.snippet.length) node.appendChild(document.createTextNode(result.snippet.slice(at)));
    return node;
  }

  function resultNode(result, id) {
    var meta = [result.number, result.province, displayDate(result.date)].filter(Boolean).join(' · ');
    return el('li', {class: 'archive-search__result', role: 'option', id: id}, [
      el('a', {href: result.href, class: 'archive-search__link'}, [
        el('span', {class: 'archive-search__title', text: result.title}),
        meta ? el('span', {class: 'archive-search__meta', text: meta}) : null,
        result.snippet ? snippetNode(result) : null
      ])
    ]);
  }

  function searchPageUrl() {
    var page = manifestPromise && store.has('manifest') ? store.get('manifest').searchPage : null;
    if (!page) {  // before the manifest says: offline editions name files, public ones folders
      page = (location.protocol === 'file:' || /\.html?$/.test(location.pathname)) ? 'tim-kiem.html' : 'tim-kiem/';
    }
    return ROOT + page;
  }

  function errorText(error) {
    return /missing: manifest/.test(String(error && error.message))
      ? 'Chưa có chỉ mục tìm kiếm (trang được xem khi chưa dựng chỉ mục).'
      : 'Không tìm được: ' + (error && error.message ? error.message : error);
  }

  /** The search box injected into Material's header, with instant results. */
  function mountHeaderBox() {
    var inner = document.querySelector('.md-header__inner');
    if (!inner || inner.querySelector('.archive-search')) return;
    var listId = 'archive-search-results';
    var input = el('input', {
      type: 'search', name: 'q', class: 'archive-search__input', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'Tìm văn bản…', 'aria-label': 'Tìm trong kho văn bản (gõ có dấu hoặc không dấu)',
      role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId
    });
    var list = el('ol', {class: 'archive-search__list', id: listId, role: 'listbox'});
    var status = el('p', {class: 'archive-search__status', 'aria-live': 'polite'});
    var advanced = 'Tìm nâng cao, lọc theo tỉnh, năm, loại…';
    var more = el('a', {class: 'archive-search__all', href: searchPageUrl(), text: advanced});
    var panel = el('div', {class: 'archive-search__panel', hidden: ''}, [status, list, more]);
    var form = el('form', {class: 'archive-search', role: 'search', action: searchPageUrl()}, [input, panel]);
    var source = inner.querySelector('.md-header__source');
    inner.insertBefore(form, source);
    var generation = 0;
    var active = -1;

    function open(flag) {
      panel.hidden = !flag;
      input.setAttribute('aria-expanded', flag ? 'true' : 'false');
    }
    function fullSearchHref(text) { return searchPageUrl() + '?q=' + encodeURIComponent(text); }
    function select(index) {
      var items = list.querySelectorAll('.archive-search__result');
      items.forEach(function (item, i) {
        item.classList.toggle('archive-search__result--active', i === index);
        item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (items[index]) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
      if (items[index]) items[index].scrollIntoView({block: 'nearest'});
    }
    function run() {
      var text = input.value;
      var mine = ++generation;
      more.href = fullSearchHref(text);
      if (!text.trim()) { open(false); list.textContent = ''; return; }
      query(text, {limit: 8}).then(function (results) {
        if (mine !== generation) return;
        list.textContent = '';
        select(-1);
        results.forEach(function (r, i) { list.appendChild(resultNode(r, listId + '-' + i)); });
        status.textContent = results.length ? '' : 'Không tìm thấy văn bản nào.';
        more.textContent = !results.more ? advanced
          : results.totalExact ? 'Xem tất cả ' + results.total + ' kết quả' : 'Xem thêm kết quả';
        open(true);
      }, function (error) {
        if (mine !== generation) return;
        list.textContent = '';
        status.textContent = errorText(error);
        open(true);
      });
    }
    input.addEventListener('input', run);
    input.addEventListener('focus', function () {
      manifest().catch(function () {});
      if (list.children.length || status.textContent) open(true);
    });
    input.addEventListener('keydown', function (event) {
      var count = list.children.length;
      if (event.key === 'ArrowDown' && count) { event.preventDefault(); select((active + 1) % count); }
      else if (event.key === 'ArrowUp' && count) { event.preventDefault(); select((active - 1 + count) % count); }
      else if (event.key === 'Escape' && !panel.hidden) {
        event.preventDefault();  // the first Escape closes the results, a second one clears the box
        open(false);
        active = -1;
      }
      else if (event.key === 'Enter' && active >= 0 && list.children[active]) {
        event.preventDefault();
        location.href = list.children[active].querySelector('a').href;
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (input.value.trim()) location.href = fullSearchHref(input.value);
    });
    document.addEventListener('click', function (event) { if (!form.contains(event.target)) open(false); });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  var FILTER_LABELS = {
    province: 'Tỉnh, thành phố', year: 'Năm', doc_type: 'Loại văn bản', measure: 'Biện pháp',
    issuer: 'Cơ quan ban hành', from: 'Từ ngày', to: 'Đến ngày'
  };

  function selectControl(name, options) {
    var select = el('select', {name: name, id: 'archive-search-' + name}, [el('option', {value: '', text: 'Tất cả'})]);
    options.forEach(function (o) { select.appendChild(el('option', {value: o[0], text: o[1]})); });
    return select;
  }

  function labelled(name, control) {
    return el('label', {class: 'archive-search-page__field', for: 'archive-search-' + name}, [
      el('span', {text: FILTER_LABELS[name] || name}), control
    ]);
  }

  /**
   * Show a shared URL's value in its control without losing it: a value that is not
   * among the choices (a province by name, part of an issuer) becomes a choice, and
   * a partial date (2021, 2021-05) becomes the day it stands for.
   */
  function setControl(control, value, end) {
    if (!value) return;
    if (control.tagName === 'SELECT') {
      var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
      if (!known) control.appendChild(el('option', {value: value, text: value}));
    } else if (control.type === 'date') {
      value = completeDate(value, end);
    }
    control.value = value;
  }

  function readParams() {
    var params = new URLSearchParams(location.search);
    var state = {q: params.get('q') || ''};
    SEARCH_PARAMS.forEach(function (key) { state[key] = params.get(key) || ''; });
    return state;
  }

  function writeParams(state) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    SEARCH_PARAMS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var search = params.toString();
    try {
      history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
    } catch (error) { /* some file:// setups refuse URL changes; the search still works */ }
  }

  /** The full search page (tim-kiem): query, filters kept in the URL so a search can be shared. */
  function mountSearchPage() {
    var host = document.getElementById('archive-search-page');
    if (!host || host.getAttribute('data-ready')) return;
    host.setAttribute('data-ready', 'true');
    host.textContent = '';
    var state = readParams();
    var input = el('input', {type: 'search', name: 'q', id: 'archive-search-q', class: 'archive-search-page__input',
      autocomplete: 'off', spellcheck: 'false', placeholder: 'Ví dụ: cách ly tập trung, "giãn cách xã hội", 68/NQ-CP'});
    input.value = state.q;
    var form = el('form', {class: 'archive-search-page__form', role: 'search'}, [
      el('label', {class: 'archive-search-page__query', for: 'archive-search-q'}, [
        el('span', {text: 'Từ khóa'}), input
      ])
    ]);
    var filters = el('fieldset', {class: 'archive-search-page__filters'}, [el('legend', {text: 'Lọc kết quả'})]);
    // Folded on a phone (results come first, see archive-search.css); open on a wide screen or when a
    // shared address already holds filters, so the reader sees them.
    var filterBox = el('details', {class: 'archive-search-page__filter-box'}, [
      el('summary', {text: 'Lọc kết quả (tỉnh, năm, loại văn bản, biện pháp, cơ quan)'}), filters
    ]);
    filterBox.open = SEARCH_PARAMS.some(function (key) { return state[key]; }) ||
      !!(window.matchMedia && window.matchMedia('(min-width: 60em)').matches);
    form.appendChild(filterBox);
    var status = el('p', {class: 'archive-search-page__status', 'aria-live': 'polite', text: 'Đang tải chỉ mục…'});
    var list = el('ol', {class: 'archive-search-page__results'});
    var more = el('button', {
      type: 'button', class: 'md-button archive-search-page__more', hidden: '', text: 'Thêm kết quả'
    });
    host.appendChild(form);
    host.appendChild(status);
    host.appendChild(list);
    host.appendChild(more);
    var controls = {};
    var limit = 20;
    var generation = 0;

    function current() {
      var out = {q: input.value};
      SEARCH_PARAMS.forEach(function (key) { out[key] = controls[key] ? controls[key].value : state[key]; });
      return out;
    }
    function run() {
      var now = current();
      writeParams(now);
      var mine = ++generation;
      var filterValues = {limit: limit};
      SEARCH_PARAMS.forEach(function (key) { if (now[key]) filterValues[key] = now[key]; });
      var anyFilter = SEARCH_PARAMS.some(function (key) { return now[key]; });
      if (!now.q.trim() && !anyFilter) {
        list.textContent = '';
        more.hidden = true;
        status.textContent = 'Gõ từ khóa (có dấu hoặc không dấu) hoặc chọn bộ lọc.';
        return;
      }
      status.textContent = 'Đang tìm…';
      query(now.q, filterValues).then(function (results) {
        if (mine !== generation) return;
        list.textContent = '';
        results.forEach(function (r, i) { list.appendChild(resultNode(r, 'archive-search-page-' + i)); });
        status.textContent = results.length
          ? (results.totalExact ? '' : 'Ít nhất ') + results.total + ' kết quả'
          : 'Không tìm thấy văn bản nào.';
        more.hidden = !results.more;
      }, function (error) {
        if (mine !== generation) return;
        status.textContent = errorText(error);
      });
    }
    var timer = null;
    input.addEventListener('input', function () { limit = 20; clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener('submit', function (event) { event.preventDefault(); limit = 20; run(); });
    more.addEventListener('click', function () { limit += 20; run(); });

    manifest().then(columns).then(function (cols) {
      var facets = cols.facets;
      var years = facets.years.map(function (y) { return [String(y), String(y)]; });
      var choices = {
        province: facets.province, year: years, doc_type: facets.doc_type,
        measure: facets.measure, issuer: facets.issuer
      };
      Object.keys(choices).forEach(function (name) {
        var options = choices[name].map(function (e) { return [e[0], e[1]]; });
        controls[name] = selectControl(name, options);
        filters.appendChild(labelled(name, controls[name]));
      });
      ['from', 'to'].forEach(function (name) {
        controls[name] = el('input', {type: 'date', name: name, id: 'archive-search-' + name});
        filters.appendChild(labelled(name, controls[name]));
      });
      SEARCH_PARAMS.forEach(function (key) {
        setControl(controls[key], state[key], key === 'to');
        controls[key].addEventListener('change', function () { limit = 20; run(); });
      });
      var reset = el('button', {type: 'button', class: 'md-button archive-search-page__reset', text: 'Bỏ lọc'});
      reset.addEventListener('click', function () {
        SEARCH_PARAMS.forEach(function (key) { controls[key].value = ''; });
        limit = 20;
        run();
      });
      filters.appendChild(reset);
      run();
    }, function (error) { status.textContent = errorText(error); });
  }

  function mount() {
    mountHeaderBox();
    mountSearchPage();
  }

  window.archiveSearch = {
    query: query,
    fold: fold,
    tokens: tokens,
    parseQuery: parseQuery,
    loadedFiles: function () { return loadedFiles.slice(); },
    root: ROOT
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(mount);
})();
